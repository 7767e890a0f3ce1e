# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'judge_window.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMainWindow,
    QProgressBar, QSizePolicy, QSplitter, QStatusBar,
    QTableView, QVBoxLayout, QWidget)

from judgepanel.gui.entry_view import EntryView
from judgepanel.gui.scoring_panel import ScoringPanel

class Ui_JudgeWindow(object):
    def setupUi(self, JudgeWindow):
        if not JudgeWindow.objectName():
            JudgeWindow.setObjectName(u"JudgeWindow")
        JudgeWindow.resize(1360, 840)
        self.centralwidget = QWidget(JudgeWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(6, 6, 6, 0)
        self.splitter = QSplitter(self.centralwidget)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listPane = QWidget(self.splitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.roundLabel = QLabel(self.listPane)
        self.roundLabel.setObjectName(u"roundLabel")
        self.roundLabel.setWordWrap(True)

        self.listLayout.addWidget(self.roundLabel)

        self.progressLabel = QLabel(self.listPane)
        self.progressLabel.setObjectName(u"progressLabel")

        self.listLayout.addWidget(self.progressLabel)

        self.progressBar = QProgressBar(self.listPane)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximumSize(QSize(16777215, 8))
        self.progressBar.setTextVisible(False)

        self.listLayout.addWidget(self.progressBar)

        self.searchBox = QLineEdit(self.listPane)
        self.searchBox.setObjectName(u"searchBox")
        self.searchBox.setClearButtonEnabled(True)

        self.listLayout.addWidget(self.searchBox)

        self.statusFilter = QComboBox(self.listPane)
        self.statusFilter.setObjectName(u"statusFilter")

        self.listLayout.addWidget(self.statusFilter)

        self.entryList = QTableView(self.listPane)
        self.entryList.setObjectName(u"entryList")
        self.entryList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entryList.setAlternatingRowColors(True)
        self.entryList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entryList.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entryList.setShowGrid(False)
        self.entryList.setWordWrap(False)

        self.listLayout.addWidget(self.entryList)

        self.conflictsLabel = QLabel(self.listPane)
        self.conflictsLabel.setObjectName(u"conflictsLabel")

        self.listLayout.addWidget(self.conflictsLabel)

        self.conflictList = QTableView(self.listPane)
        self.conflictList.setObjectName(u"conflictList")
        self.conflictList.setMaximumSize(QSize(16777215, 110))
        self.conflictList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflictList.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflictList.setShowGrid(False)

        self.listLayout.addWidget(self.conflictList)

        self.splitter.addWidget(self.listPane)
        self.entryView = EntryView(self.splitter)
        self.entryView.setObjectName(u"entryView")
        self.splitter.addWidget(self.entryView)
        self.scoringPanel = ScoringPanel(self.splitter)
        self.scoringPanel.setObjectName(u"scoringPanel")
        self.splitter.addWidget(self.scoringPanel)

        self.centralLayout.addWidget(self.splitter)

        JudgeWindow.setCentralWidget(self.centralwidget)
        self.statusbar = QStatusBar(JudgeWindow)
        self.statusbar.setObjectName(u"statusbar")
        JudgeWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.conflictsLabel.setBuddy(self.conflictList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchBox, self.statusFilter)
        QWidget.setTabOrder(self.statusFilter, self.entryList)
        QWidget.setTabOrder(self.entryList, self.entryView)
        QWidget.setTabOrder(self.entryView, self.scoringPanel)
        QWidget.setTabOrder(self.scoringPanel, self.conflictList)

        self.retranslateUi(JudgeWindow)

        QMetaObject.connectSlotsByName(JudgeWindow)
    # setupUi

    def retranslateUi(self, JudgeWindow):
        JudgeWindow.setWindowTitle(QCoreApplication.translate("JudgeWindow", u"JudgePanel", None))
#if QT_CONFIG(accessibility)
        self.roundLabel.setAccessibleName(QCoreApplication.translate("JudgeWindow", u"The round this pack is for", None))
#endif // QT_CONFIG(accessibility)
        self.roundLabel.setText("")
#if QT_CONFIG(accessibility)
        self.progressLabel.setAccessibleName(QCoreApplication.translate("JudgeWindow", u"Progress", None))
#endif // QT_CONFIG(accessibility)
        self.progressLabel.setText("")
#if QT_CONFIG(accessibility)
        self.progressBar.setAccessibleName(QCoreApplication.translate("JudgeWindow", u"Entries complete", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.searchBox.setAccessibleName(QCoreApplication.translate("JudgeWindow", u"Search the entries", None))
#endif // QT_CONFIG(accessibility)
        self.searchBox.setPlaceholderText(QCoreApplication.translate("JudgeWindow", u"Search the entries (Ctrl+F)", None))
#if QT_CONFIG(accessibility)
        self.statusFilter.setAccessibleName(QCoreApplication.translate("JudgeWindow", u"Show entries by status", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.entryList.setAccessibleName(QCoreApplication.translate("JudgeWindow", u"Entries to score", None))
#endif // QT_CONFIG(accessibility)
        self.conflictsLabel.setText(QCoreApplication.translate("JudgeWindow", u"Conflict declared (not scored)", None))
#if QT_CONFIG(accessibility)
        self.conflictList.setAccessibleName(QCoreApplication.translate("JudgeWindow", u"Entries with a conflict declared", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

