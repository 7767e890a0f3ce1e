# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'panel_window.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QMainWindow, QMenuBar,
    QSizePolicy, QSplitter, QStackedWidget, QStatusBar,
    QVBoxLayout, QWidget)

class Ui_PanelWindow(object):
    def setupUi(self, PanelWindow):
        if not PanelWindow.objectName():
            PanelWindow.setObjectName(u"PanelWindow")
        PanelWindow.resize(1340, 800)
        PanelWindow.setMinimumSize(QSize(900, 600))
        self.centralwidget = QWidget(PanelWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(self.centralwidget)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.navigation = QListWidget(self.splitter)
        self.navigation.setObjectName(u"navigation")
        self.navigation.setMinimumSize(QSize(210, 0))
        self.navigation.setMaximumSize(QSize(320, 16777215))
        self.navigation.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.splitter.addWidget(self.navigation)
        self.right = QWidget(self.splitter)
        self.right.setObjectName(u"right")
        self.rightLayout = QVBoxLayout(self.right)
        self.rightLayout.setObjectName(u"rightLayout")
        self.rightLayout.setContentsMargins(6, 6, 6, 0)
        self.history_banner = QLabel(self.right)
        self.history_banner.setObjectName(u"history_banner")
        self.history_banner.setWordWrap(True)

        self.rightLayout.addWidget(self.history_banner)

        self.stack = QStackedWidget(self.right)
        self.stack.setObjectName(u"stack")

        self.rightLayout.addWidget(self.stack)

        self.rightLayout.setStretch(1, 1)
        self.splitter.addWidget(self.right)

        self.centralLayout.addWidget(self.splitter)

        PanelWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(PanelWindow)
        self.menubar.setObjectName(u"menubar")
        self.menubar.setGeometry(QRect(0, 0, 1340, 22))
        PanelWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(PanelWindow)
        self.statusbar.setObjectName(u"statusbar")
        PanelWindow.setStatusBar(self.statusbar)

        self.retranslateUi(PanelWindow)

        QMetaObject.connectSlotsByName(PanelWindow)
    # setupUi

    def retranslateUi(self, PanelWindow):
        PanelWindow.setWindowTitle(QCoreApplication.translate("PanelWindow", u"JudgePanel", None))
#if QT_CONFIG(accessibility)
        self.navigation.setAccessibleName(QCoreApplication.translate("PanelWindow", u"Panel stages", None))
#endif // QT_CONFIG(accessibility)
        self.history_banner.setText("")
    # retranslateUi

