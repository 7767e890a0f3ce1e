# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'entry_detail.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QPushButton, QSizePolicy,
    QTextBrowser, QVBoxLayout, QWidget)

class Ui_EntryDetail(object):
    def setupUi(self, EntryDetail):
        if not EntryDetail.objectName():
            EntryDetail.setObjectName(u"EntryDetail")
        EntryDetail.resize(520, 600)
        self.layout = QVBoxLayout(EntryDetail)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(EntryDetail)
        self.heading.setObjectName(u"heading")
        font = QFont()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)

        self.layout.addWidget(self.heading)

        self.documents_button = QPushButton(EntryDetail)
        self.documents_button.setObjectName(u"documents_button")

        self.layout.addWidget(self.documents_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.browser = QTextBrowser(EntryDetail)
        self.browser.setObjectName(u"browser")
        self.browser.setOpenLinks(False)

        self.layout.addWidget(self.browser)

        self.layout.setStretch(2, 1)

        self.retranslateUi(EntryDetail)

        QMetaObject.connectSlotsByName(EntryDetail)
    # setupUi

    def retranslateUi(self, EntryDetail):
        self.heading.setText(QCoreApplication.translate("EntryDetail", u"Select an entry to see every judge's scores and comments.", None))
#if QT_CONFIG(accessibility)
        self.documents_button.setAccessibleName(QCoreApplication.translate("EntryDetail", u"Open the entry's supporting documents", None))
#endif // QT_CONFIG(accessibility)
        self.documents_button.setText(QCoreApplication.translate("EntryDetail", u"Documents\u2026", None))
#if QT_CONFIG(accessibility)
        self.browser.setAccessibleName(QCoreApplication.translate("EntryDetail", u"Entry detail", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

