# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'judges_page.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

from judgepanel.gui.assignment_view import MatrixView
from judgepanel.gui.pages.choosers import (AwardChooser, RoundChooser)

class Ui_JudgesPage(object):
    def setupUi(self, JudgesPage):
        if not JudgesPage.objectName():
            JudgesPage.setObjectName(u"JudgesPage")
        JudgesPage.resize(800, 600)
        self.pageLayout = QVBoxLayout(JudgesPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.split = QSplitter(JudgesPage)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Orientation.Vertical)
        self.top = QWidget(self.split)
        self.top.setObjectName(u"top")
        self.topLayout = QVBoxLayout(self.top)
        self.topLayout.setObjectName(u"topLayout")
        self.topLayout.setContentsMargins(0, 0, 0, 0)
        self.judges_table = QTableView(self.top)
        self.judges_table.setObjectName(u"judges_table")
        self.judges_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.judges_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.judges_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.judges_table.horizontalHeader().setStretchLastSection(True)
        self.judges_table.verticalHeader().setVisible(False)

        self.topLayout.addWidget(self.judges_table)

        self.judgeButtons = QHBoxLayout()
        self.judgeButtons.setObjectName(u"judgeButtons")
        self.add_button = QPushButton(self.top)
        self.add_button.setObjectName(u"add_button")

        self.judgeButtons.addWidget(self.add_button)

        self.edit_button = QPushButton(self.top)
        self.edit_button.setObjectName(u"edit_button")

        self.judgeButtons.addWidget(self.edit_button)

        self.remove_button = QPushButton(self.top)
        self.remove_button.setObjectName(u"remove_button")

        self.judgeButtons.addWidget(self.remove_button)

        self.judgeButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.judgeButtons.addItem(self.judgeButtonsSpacer)


        self.topLayout.addLayout(self.judgeButtons)

        self.split.addWidget(self.top)
        self.bottom = QWidget(self.split)
        self.bottom.setObjectName(u"bottom")
        self.bottomLayout = QVBoxLayout(self.bottom)
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.bottomLayout.setContentsMargins(0, 0, 0, 0)
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.assignment_for = QLabel(self.bottom)
        self.assignment_for.setObjectName(u"assignment_for")

        self.bar.addWidget(self.assignment_for)

        self.award = AwardChooser(self.bottom)
        self.award.setObjectName(u"award")
        self.award.setMinimumContentsLength(30)

        self.bar.addWidget(self.award)

        self.round_label = QLabel(self.bottom)
        self.round_label.setObjectName(u"round_label")

        self.bar.addWidget(self.round_label)

        self.round_combo = RoundChooser(self.bottom)
        self.round_combo.setObjectName(u"round_combo")

        self.bar.addWidget(self.round_combo)

        self.barSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bar.addItem(self.barSpacer)

        self.auto_button = QPushButton(self.bottom)
        self.auto_button.setObjectName(u"auto_button")

        self.bar.addWidget(self.auto_button)

        self.conflict_button = QPushButton(self.bottom)
        self.conflict_button.setObjectName(u"conflict_button")

        self.bar.addWidget(self.conflict_button)

        self.unconflict_button = QPushButton(self.bottom)
        self.unconflict_button.setObjectName(u"unconflict_button")

        self.bar.addWidget(self.unconflict_button)


        self.bottomLayout.addLayout(self.bar)

        self.notice = QLabel(self.bottom)
        self.notice.setObjectName(u"notice")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.notice.setWordWrap(True)

        self.bottomLayout.addWidget(self.notice)

        self.matrix = MatrixView(self.bottom)
        self.matrix.setObjectName(u"matrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.bottomLayout.addWidget(self.matrix)

        self.split.addWidget(self.bottom)

        self.pageLayout.addWidget(self.split)

        self.pageLayout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.round_label.setBuddy(self.round_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(JudgesPage)

        QMetaObject.connectSlotsByName(JudgesPage)
    # setupUi

    def retranslateUi(self, JudgesPage):
#if QT_CONFIG(accessibility)
        self.judges_table.setAccessibleName(QCoreApplication.translate("JudgesPage", u"Judges", None))
#endif // QT_CONFIG(accessibility)
        self.add_button.setText(QCoreApplication.translate("JudgesPage", u"Add judge\u2026", None))
        self.edit_button.setText(QCoreApplication.translate("JudgesPage", u"Edit\u2026", None))
        self.remove_button.setText(QCoreApplication.translate("JudgesPage", u"Remove", None))
        self.assignment_for.setText(QCoreApplication.translate("JudgesPage", u"Assignment for", None))
        self.round_label.setText(QCoreApplication.translate("JudgesPage", u"R&ound:", None))
#if QT_CONFIG(accessibility)
        self.round_combo.setAccessibleName(QCoreApplication.translate("JudgesPage", u"Round", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.auto_button.setToolTip(QCoreApplication.translate("JudgesPage", u"Give every entry of this award N judges, balancing workloads and keeping what is already assigned", None))
#endif // QT_CONFIG(tooltip)
        self.auto_button.setText(QCoreApplication.translate("JudgesPage", u"Auto-assign\u2026", None))
        self.conflict_button.setText(QCoreApplication.translate("JudgesPage", u"Record conflict\u2026", None))
#if QT_CONFIG(tooltip)
        self.unconflict_button.setToolTip(QCoreApplication.translate("JudgesPage", u"Withdraw the conflict in the selected cell (recorded in error)", None))
#endif // QT_CONFIG(tooltip)
        self.unconflict_button.setText(QCoreApplication.translate("JudgesPage", u"Remove conflict", None))
        self.notice.setText("")
#if QT_CONFIG(accessibility)
        self.matrix.setAccessibleName(QCoreApplication.translate("JudgesPage", u"Assignment matrix: entries by judges", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

