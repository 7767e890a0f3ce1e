# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'packs_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

from judgepanel.gui.pages.choosers import (AwardChooser, RoundChooser)

class Ui_PacksPage(object):
    def setupUi(self, PacksPage):
        if not PacksPage.objectName():
            PacksPage.setObjectName(u"PacksPage")
        PacksPage.resize(800, 600)
        PacksPage.setAcceptDrops(True)
        self.pageLayout = QVBoxLayout(PacksPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.award_label = QLabel(PacksPage)
        self.award_label.setObjectName(u"award_label")

        self.bar.addWidget(self.award_label)

        self.award = AwardChooser(PacksPage)
        self.award.setObjectName(u"award")

        self.bar.addWidget(self.award)

        self.round_label = QLabel(PacksPage)
        self.round_label.setObjectName(u"round_label")

        self.bar.addWidget(self.round_label)

        self.round_combo = RoundChooser(PacksPage)
        self.round_combo.setObjectName(u"round_combo")

        self.bar.addWidget(self.round_combo)

        self.create_button = QPushButton(PacksPage)
        self.create_button.setObjectName(u"create_button")

        self.bar.addWidget(self.create_button)

        self.merge_button = QPushButton(PacksPage)
        self.merge_button.setObjectName(u"merge_button")

        self.bar.addWidget(self.merge_button)

        self.barSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bar.addItem(self.barSpacer)


        self.pageLayout.addLayout(self.bar)

        self.round_note = QLabel(PacksPage)
        self.round_note.setObjectName(u"round_note")
        self.round_note.setWordWrap(True)

        self.pageLayout.addWidget(self.round_note)

        self.drop_hint = QLabel(PacksPage)
        self.drop_hint.setObjectName(u"drop_hint")
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.pageLayout.addWidget(self.drop_hint)

        self.outcome = QLabel(PacksPage)
        self.outcome.setObjectName(u"outcome")
        self.outcome.setWordWrap(True)

        self.pageLayout.addWidget(self.outcome)

        self.merge_box = QGroupBox(PacksPage)
        self.merge_box.setObjectName(u"merge_box")
        self.mergeLayout = QVBoxLayout(self.merge_box)
        self.mergeLayout.setObjectName(u"mergeLayout")
        self.merge_table = QTableView(self.merge_box)
        self.merge_table.setObjectName(u"merge_table")
        self.merge_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.merge_table.setAlternatingRowColors(True)
        self.merge_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.merge_table.setWordWrap(True)
        self.merge_table.horizontalHeader().setStretchLastSection(True)
        self.merge_table.verticalHeader().setVisible(False)

        self.mergeLayout.addWidget(self.merge_table)


        self.pageLayout.addWidget(self.merge_box)

        self.progress_box = QGroupBox(PacksPage)
        self.progress_box.setObjectName(u"progress_box")
        self.progressLayout = QVBoxLayout(self.progress_box)
        self.progressLayout.setObjectName(u"progressLayout")
        self.progress_table = QTableView(self.progress_box)
        self.progress_table.setObjectName(u"progress_table")
        self.progress_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.progress_table.setAlternatingRowColors(True)
        self.progress_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.progress_table.horizontalHeader().setStretchLastSection(True)
        self.progress_table.verticalHeader().setVisible(False)

        self.progressLayout.addWidget(self.progress_table)


        self.pageLayout.addWidget(self.progress_box)

        self.pageLayout.setStretch(4, 1)
        self.pageLayout.setStretch(5, 2)
#if QT_CONFIG(shortcut)
        self.award_label.setBuddy(self.award)
        self.round_label.setBuddy(self.round_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PacksPage)

        QMetaObject.connectSlotsByName(PacksPage)
    # setupUi

    def retranslateUi(self, PacksPage):
        self.award_label.setText(QCoreApplication.translate("PacksPage", u"&Award:", None))
#if QT_CONFIG(accessibility)
        self.award.setAccessibleName(QCoreApplication.translate("PacksPage", u"Award", None))
#endif // QT_CONFIG(accessibility)
        self.round_label.setText(QCoreApplication.translate("PacksPage", u"R&ound:", None))
#if QT_CONFIG(accessibility)
        self.round_combo.setAccessibleName(QCoreApplication.translate("PacksPage", u"Round", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.create_button.setToolTip(QCoreApplication.translate("PacksPage", u"One .judgepack file per judge, holding only their own entries", None))
#endif // QT_CONFIG(tooltip)
        self.create_button.setText(QCoreApplication.translate("PacksPage", u"Create packs\u2026", None))
#if QT_CONFIG(tooltip)
        self.merge_button.setToolTip(QCoreApplication.translate("PacksPage", u"Choose one or more returned .judgepack files (or drop them on this page)", None))
#endif // QT_CONFIG(tooltip)
        self.merge_button.setText(QCoreApplication.translate("PacksPage", u"Merge returned packs\u2026", None))
        self.round_note.setText("")
        self.drop_hint.setText(QCoreApplication.translate("PacksPage", u"Drop returned .judgepack files anywhere on this page to merge them.", None))
        self.outcome.setText("")
        self.merge_box.setTitle(QCoreApplication.translate("PacksPage", u"Last merge", None))
        self.progress_box.setTitle(QCoreApplication.translate("PacksPage", u"Progress by judge", None))
        pass
    # retranslateUi

