# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'return_dialog.ui'
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

class Ui_ReturnDialog(object):
    def setupUi(self, ReturnDialog):
        if not ReturnDialog.objectName():
            ReturnDialog.setObjectName(u"ReturnDialog")
        ReturnDialog.resize(560, 420)
        ReturnDialog.setModal(True)
        self.layout = QVBoxLayout(ReturnDialog)
        self.layout.setObjectName(u"layout")
        self.summary = QLabel(ReturnDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)

        self.layout.addWidget(self.summary)

        self.detailsLabel = QLabel(ReturnDialog)
        self.detailsLabel.setObjectName(u"detailsLabel")

        self.layout.addWidget(self.detailsLabel)

        self.details = QPlainTextEdit(ReturnDialog)
        self.details.setObjectName(u"details")
        self.details.setTabChangesFocus(True)
        self.details.setReadOnly(True)

        self.layout.addWidget(self.details)

        self.explain = QLabel(ReturnDialog)
        self.explain.setObjectName(u"explain")
        self.explain.setWordWrap(True)

        self.layout.addWidget(self.explain)

        self.buttons = QDialogButtonBox(ReturnDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.detailsLabel.setBuddy(self.details)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.buttons, self.details)

        self.retranslateUi(ReturnDialog)
        self.buttons.accepted.connect(ReturnDialog.accept)
        self.buttons.rejected.connect(ReturnDialog.reject)

        QMetaObject.connectSlotsByName(ReturnDialog)
    # setupUi

    def retranslateUi(self, ReturnDialog):
        ReturnDialog.setWindowTitle(QCoreApplication.translate("ReturnDialog", u"Return your scores", None))
#if QT_CONFIG(accessibility)
        self.summary.setAccessibleName(QCoreApplication.translate("ReturnDialog", u"Summary of your scoring", None))
#endif // QT_CONFIG(accessibility)
        self.summary.setText("")
        self.detailsLabel.setText(QCoreApplication.translate("ReturnDialog", u"&Entries not yet complete", None))
#if QT_CONFIG(accessibility)
        self.details.setAccessibleName(QCoreApplication.translate("ReturnDialog", u"Entries not yet complete", None))
#endif // QT_CONFIG(accessibility)
        self.explain.setText(QCoreApplication.translate("ReturnDialog", u"A copy of your pack is saved where you choose. Send that file to the panel coordinator; you can go on working in this one.", None))
#if QT_CONFIG(accessibility)
        self.buttons.setAccessibleName(QCoreApplication.translate("ReturnDialog", u"Save or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

