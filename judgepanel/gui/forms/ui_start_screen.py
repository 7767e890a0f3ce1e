# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'start_screen.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_StartScreen(object):
    def setupUi(self, StartScreen):
        if not StartScreen.objectName():
            StartScreen.setObjectName(u"StartScreen")
        StartScreen.resize(860, 520)
        self.outer = QHBoxLayout(StartScreen)
        self.outer.setSpacing(32)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(36, 36, 36, 28)
        self.actionsColumn = QVBoxLayout()
        self.actionsColumn.setSpacing(10)
        self.actionsColumn.setObjectName(u"actionsColumn")
        self.logo = QLabel(StartScreen)
        self.logo.setObjectName(u"logo")
        self.logo.setMinimumSize(QSize(96, 96))

        self.actionsColumn.addWidget(self.logo)

        self.appTitle = QLabel(StartScreen)
        self.appTitle.setObjectName(u"appTitle")

        self.actionsColumn.addWidget(self.appTitle)

        self.tagline = QLabel(StartScreen)
        self.tagline.setObjectName(u"tagline")
        self.tagline.setWordWrap(True)

        self.actionsColumn.addWidget(self.tagline)

        self.gap = QSpacerItem(10, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.actionsColumn.addItem(self.gap)

        self.openButton = QPushButton(StartScreen)
        self.openButton.setObjectName(u"openButton")

        self.actionsColumn.addWidget(self.openButton)

        self.newButton = QPushButton(StartScreen)
        self.newButton.setObjectName(u"newButton")

        self.actionsColumn.addWidget(self.newButton)

        self.demoButton = QPushButton(StartScreen)
        self.demoButton.setObjectName(u"demoButton")

        self.actionsColumn.addWidget(self.demoButton)

        self.actionsSpacer = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.actionsColumn.addItem(self.actionsSpacer)


        self.outer.addLayout(self.actionsColumn)

        self.recentColumn = QVBoxLayout()
        self.recentColumn.setSpacing(8)
        self.recentColumn.setObjectName(u"recentColumn")
        self.recentLabel = QLabel(StartScreen)
        self.recentLabel.setObjectName(u"recentLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.recentLabel.sizePolicy().hasHeightForWidth())
        self.recentLabel.setSizePolicy(sizePolicy)

        self.recentColumn.addWidget(self.recentLabel)

        self.recentList = QListWidget(StartScreen)
        self.recentList.setObjectName(u"recentList")
        self.recentList.setAlternatingRowColors(True)
        self.recentList.setSpacing(6)
        self.recentList.setWordWrap(True)

        self.recentColumn.addWidget(self.recentList)

        self.errorLabel = QLabel(StartScreen)
        self.errorLabel.setObjectName(u"errorLabel")
        sizePolicy.setHeightForWidth(self.errorLabel.sizePolicy().hasHeightForWidth())
        self.errorLabel.setSizePolicy(sizePolicy)
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.recentColumn.addWidget(self.errorLabel)

        self.recentColumn.setStretch(1, 1)

        self.outer.addLayout(self.recentColumn)

        self.outer.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.recentLabel.setBuddy(self.recentList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.openButton, self.newButton)
        QWidget.setTabOrder(self.newButton, self.demoButton)
        QWidget.setTabOrder(self.demoButton, self.recentList)

        self.retranslateUi(StartScreen)

        QMetaObject.connectSlotsByName(StartScreen)
    # setupUi

    def retranslateUi(self, StartScreen):
        StartScreen.setWindowTitle(QCoreApplication.translate("StartScreen", u"JudgePanel", None))
#if QT_CONFIG(accessibility)
        self.logo.setAccessibleName(QCoreApplication.translate("StartScreen", u"JudgePanel logo", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.appTitle.setAccessibleName(QCoreApplication.translate("StartScreen", u"JudgePanel", None))
#endif // QT_CONFIG(accessibility)
        self.appTitle.setText(QCoreApplication.translate("StartScreen", u"JudgePanel", None))
#if QT_CONFIG(accessibility)
        self.tagline.setAccessibleName(QCoreApplication.translate("StartScreen", u"What JudgePanel does", None))
#endif // QT_CONFIG(accessibility)
        self.tagline.setText(QCoreApplication.translate("StartScreen", u"Score award entries on your own laptop, offline, and return them to the panel.<br><br><b>Judges:</b> open the pack your coordinator sent you.<br><b>Coordinators:</b> start a new panel, or open the demo to look around.", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("StartScreen", u"Open a judge pack (.judgepack) or a panel (.judgepanel) (Ctrl+O)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.openButton.setAccessibleName(QCoreApplication.translate("StartScreen", u"Open a pack or panel", None))
#endif // QT_CONFIG(accessibility)
        self.openButton.setText(QCoreApplication.translate("StartScreen", u"&Open a pack or panel\u2026", None))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("StartScreen", u"Create a new panel with the built-in awards (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.newButton.setAccessibleName(QCoreApplication.translate("StartScreen", u"New panel", None))
#endif // QT_CONFIG(accessibility)
        self.newButton.setText(QCoreApplication.translate("StartScreen", u"&New panel\u2026", None))
#if QT_CONFIG(tooltip)
        self.demoButton.setToolTip(QCoreApplication.translate("StartScreen", u"A ready-made panel with fictional entries to try JudgePanel out", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.demoButton.setAccessibleName(QCoreApplication.translate("StartScreen", u"Open the demo", None))
#endif // QT_CONFIG(accessibility)
        self.demoButton.setText(QCoreApplication.translate("StartScreen", u"Open the &demo", None))
        self.recentLabel.setText(QCoreApplication.translate("StartScreen", u"&Recent files", None))
#if QT_CONFIG(accessibility)
        self.recentList.setAccessibleName(QCoreApplication.translate("StartScreen", u"Recent files", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.recentList.setAccessibleDescription(QCoreApplication.translate("StartScreen", u"Press Enter to open the selected file", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("StartScreen", u"Problem opening a file", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
    # retranslateUi

