# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'vote_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from judgepanel.gui.comment_box import CommentBox

class Ui_VotePanel(object):
    def setupUi(self, VotePanel):
        if not VotePanel.objectName():
            VotePanel.setObjectName(u"VotePanel")
        VotePanel.resize(420, 520)
        VotePanel.setStyleSheet(u"QLabel#voteMessage { border-left: 4px solid palette(highlight); padding: 4px 8px; background: palette(alternate-base); } QPushButton#passButton:checked, QPushButton#failButton:checked { font-weight: bold; border: 2px solid palette(highlight); }")
        self.outer = QVBoxLayout(VotePanel)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(4, 0, 0, 0)
        self.heading = QLabel(VotePanel)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.outer.addWidget(self.heading)

        self.question = QLabel(VotePanel)
        self.question.setObjectName(u"question")
        self.question.setWordWrap(True)

        self.outer.addWidget(self.question)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.passButton = QPushButton(VotePanel)
        self.passButton.setObjectName(u"passButton")
        self.passButton.setCheckable(True)

        self.buttons.addWidget(self.passButton)

        self.failButton = QPushButton(VotePanel)
        self.failButton.setObjectName(u"failButton")
        self.failButton.setCheckable(True)

        self.buttons.addWidget(self.failButton)

        self.clearButton = QPushButton(VotePanel)
        self.clearButton.setObjectName(u"clearButton")

        self.buttons.addWidget(self.clearButton)


        self.outer.addLayout(self.buttons)

        self.decision = QLabel(VotePanel)
        self.decision.setObjectName(u"decision")
        self.decision.setWordWrap(True)

        self.outer.addWidget(self.decision)

        self.reasonLabel = QLabel(VotePanel)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.outer.addWidget(self.reasonLabel)

        self.reason = CommentBox(VotePanel)
        self.reason.setObjectName(u"reason")

        self.outer.addWidget(self.reason)

        self.voteMessage = QLabel(VotePanel)
        self.voteMessage.setObjectName(u"voteMessage")
        self.voteMessage.setWordWrap(True)

        self.outer.addWidget(self.voteMessage)

        self.stretch = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.stretch)

        self.conflictButton = QPushButton(VotePanel)
        self.conflictButton.setObjectName(u"conflictButton")

        self.outer.addWidget(self.conflictButton)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(VotePanel)

        QMetaObject.connectSlotsByName(VotePanel)
    # setupUi

    def retranslateUi(self, VotePanel):
#if QT_CONFIG(accessibility)
        VotePanel.setAccessibleName(QCoreApplication.translate("VotePanel", u"Pass or fail", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.heading.setAccessibleName(QCoreApplication.translate("VotePanel", u"Entry being decided", None))
#endif // QT_CONFIG(accessibility)
        self.heading.setText("")
#if QT_CONFIG(accessibility)
        self.question.setAccessibleName(QCoreApplication.translate("VotePanel", u"What this round asks", None))
#endif // QT_CONFIG(accessibility)
        self.question.setText(QCoreApplication.translate("VotePanel", u"Should this entry go through to the next round? Press P to pass it, or F to fail it and give your reason.", None))
#if QT_CONFIG(accessibility)
        self.passButton.setAccessibleName(QCoreApplication.translate("VotePanel", u"Pass: this entry goes through", None))
#endif // QT_CONFIG(accessibility)
        self.passButton.setText(QCoreApplication.translate("VotePanel", u"Pass (P)", None))
#if QT_CONFIG(accessibility)
        self.failButton.setAccessibleName(QCoreApplication.translate("VotePanel", u"Fail: this entry does not go through; give a reason", None))
#endif // QT_CONFIG(accessibility)
        self.failButton.setText(QCoreApplication.translate("VotePanel", u"Fail (F)", None))
#if QT_CONFIG(accessibility)
        self.clearButton.setAccessibleName(QCoreApplication.translate("VotePanel", u"Clear the decision", None))
#endif // QT_CONFIG(accessibility)
        self.clearButton.setText(QCoreApplication.translate("VotePanel", u"Undecided", None))
#if QT_CONFIG(accessibility)
        self.decision.setAccessibleName(QCoreApplication.translate("VotePanel", u"Your decision on this entry", None))
#endif // QT_CONFIG(accessibility)
        self.decision.setText(QCoreApplication.translate("VotePanel", u"Not decided yet.", None))
        self.reasonLabel.setText(QCoreApplication.translate("VotePanel", u"&Reason (needed for a fail):", None))
#if QT_CONFIG(accessibility)
        self.reason.setAccessibleName(QCoreApplication.translate("VotePanel", u"Reason for your decision", None))
#endif // QT_CONFIG(accessibility)
        self.reason.setPlaceholderText(QCoreApplication.translate("VotePanel", u"Why this entry should not go through (for example: outside the award's dates)", None))
#if QT_CONFIG(accessibility)
        self.voteMessage.setAccessibleName(QCoreApplication.translate("VotePanel", u"Voting message", None))
#endif // QT_CONFIG(accessibility)
        self.voteMessage.setText("")
#if QT_CONFIG(accessibility)
        self.conflictButton.setAccessibleName(QCoreApplication.translate("VotePanel", u"Declare a conflict of interest", None))
#endif // QT_CONFIG(accessibility)
        self.conflictButton.setText(QCoreApplication.translate("VotePanel", u"Declare a con&flict\u2026", None))
    # retranslateUi

