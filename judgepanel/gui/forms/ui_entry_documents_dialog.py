# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'entry_documents_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_EntryDocumentsDialog(object):
    def setupUi(self, EntryDocumentsDialog):
        if not EntryDocumentsDialog.objectName():
            EntryDocumentsDialog.setObjectName(u"EntryDocumentsDialog")
        EntryDocumentsDialog.resize(900, 700)
        self.layout = QVBoxLayout(EntryDocumentsDialog)
        self.layout.setObjectName(u"layout")

        self.retranslateUi(EntryDocumentsDialog)

        QMetaObject.connectSlotsByName(EntryDocumentsDialog)
    # setupUi

    def retranslateUi(self, EntryDocumentsDialog):
        EntryDocumentsDialog.setWindowTitle(QCoreApplication.translate("EntryDocumentsDialog", u"Documents", None))
    # retranslateUi

