# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'awards_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSplitter, QTableView, QTextBrowser, QVBoxLayout,
    QWidget)

class Ui_AwardsPage(object):
    def setupUi(self, AwardsPage):
        if not AwardsPage.objectName():
            AwardsPage.setObjectName(u"AwardsPage")
        AwardsPage.resize(800, 600)
        self.pageLayout = QVBoxLayout(AwardsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.split = QSplitter(AwardsPage)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Orientation.Horizontal)
        self.left = QWidget(self.split)
        self.left.setObjectName(u"left")
        self.leftLayout = QVBoxLayout(self.left)
        self.leftLayout.setObjectName(u"leftLayout")
        self.leftLayout.setContentsMargins(0, 0, 0, 0)
        self.award_list = QListWidget(self.left)
        self.award_list.setObjectName(u"award_list")
        self.award_list.setMinimumSize(QSize(260, 0))
        self.award_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.award_list.setSpacing(2)
        self.award_list.setWordWrap(True)

        self.leftLayout.addWidget(self.award_list)

        self.add_builtin = QPushButton(self.left)
        self.add_builtin.setObjectName(u"add_builtin")

        self.leftLayout.addWidget(self.add_builtin)

        self.add_file = QPushButton(self.left)
        self.add_file.setObjectName(u"add_file")

        self.leftLayout.addWidget(self.add_file)

        self.split.addWidget(self.left)
        self.right = QSplitter(self.split)
        self.right.setObjectName(u"right")
        self.right.setOrientation(Qt.Orientation.Vertical)
        self.top = QWidget(self.right)
        self.top.setObjectName(u"top")
        self.topLayout = QVBoxLayout(self.top)
        self.topLayout.setObjectName(u"topLayout")
        self.topLayout.setContentsMargins(0, 0, 0, 0)
        self.award_title = QLabel(self.top)
        self.award_title.setObjectName(u"award_title")
        self.award_title.setWordWrap(True)

        self.topLayout.addWidget(self.award_title)

        self.sections = QTableView(self.top)
        self.sections.setObjectName(u"sections")
        self.sections.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed)
        self.sections.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sections.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sections.verticalHeader().setVisible(False)

        self.topLayout.addWidget(self.sections)

        self.right.addWidget(self.top)
        self.section_text = QTextBrowser(self.right)
        self.section_text.setObjectName(u"section_text")
        self.right.addWidget(self.section_text)
        self.split.addWidget(self.right)

        self.pageLayout.addWidget(self.split)

        self.pageLayout.setStretch(0, 1)

        self.retranslateUi(AwardsPage)

        QMetaObject.connectSlotsByName(AwardsPage)
    # setupUi

    def retranslateUi(self, AwardsPage):
#if QT_CONFIG(accessibility)
        self.award_list.setAccessibleName(QCoreApplication.translate("AwardsPage", u"Awards in this panel", None))
#endif // QT_CONFIG(accessibility)
        self.add_builtin.setText(QCoreApplication.translate("AwardsPage", u"Add built-in award", None))
#if QT_CONFIG(tooltip)
        self.add_file.setToolTip(QCoreApplication.translate("AwardsPage", u"An award definition in the TOML format (AWARD.toml)", None))
#endif // QT_CONFIG(tooltip)
        self.add_file.setText(QCoreApplication.translate("AwardsPage", u"Add award from file\u2026", None))
        self.award_title.setText("")
#if QT_CONFIG(tooltip)
        self.sections.setToolTip(QCoreApplication.translate("AwardsPage", u"Double-click a weight or word limit to change it", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.sections.setAccessibleName(QCoreApplication.translate("AwardsPage", u"Sections of the award", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.section_text.setAccessibleName(QCoreApplication.translate("AwardsPage", u"The section's question and guidance", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

