# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflict_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ConflictDialog(object):
    def setupUi(self, ConflictDialog):
        if not ConflictDialog.objectName():
            ConflictDialog.setObjectName(u"ConflictDialog")
        ConflictDialog.resize(520, 320)
        ConflictDialog.setModal(True)
        self.layout = QVBoxLayout(ConflictDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ConflictDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.reasonLabel = QLabel(ConflictDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.layout.addWidget(self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(ConflictDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.layout.addWidget(self.reasonEdit)

        self.warning = QLabel(ConflictDialog)
        self.warning.setObjectName(u"warning")
        self.warning.setWordWrap(True)

        self.layout.addWidget(self.warning)

        self.buttons = QDialogButtonBox(ConflictDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reasonEdit, self.buttons)

        self.retranslateUi(ConflictDialog)
        self.buttons.accepted.connect(ConflictDialog.accept)
        self.buttons.rejected.connect(ConflictDialog.reject)

        QMetaObject.connectSlotsByName(ConflictDialog)
    # setupUi

    def retranslateUi(self, ConflictDialog):
        ConflictDialog.setWindowTitle(QCoreApplication.translate("ConflictDialog", u"Declare a conflict of interest", None))
#if QT_CONFIG(accessibility)
        self.intro.setAccessibleName(QCoreApplication.translate("ConflictDialog", u"Entry concerned", None))
#endif // QT_CONFIG(accessibility)
        self.intro.setText("")
        self.reasonLabel.setText(QCoreApplication.translate("ConflictDialog", u"&Reason (for example: I work with the nominee)", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("ConflictDialog", u"Reason for the conflict of interest", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.warning.setAccessibleName(QCoreApplication.translate("ConflictDialog", u"What declaring a conflict does", None))
#endif // QT_CONFIG(accessibility)
        self.warning.setText(QCoreApplication.translate("ConflictDialog", u"The entry leaves your scoring list. Any scores and comments you have given it are removed, and only this declaration is returned to the panel.", None))
#if QT_CONFIG(accessibility)
        self.buttons.setAccessibleName(QCoreApplication.translate("ConflictDialog", u"Declare or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

