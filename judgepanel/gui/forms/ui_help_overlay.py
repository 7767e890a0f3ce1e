# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'help_overlay.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_HelpOverlay(object):
    def setupUi(self, HelpOverlay):
        if not HelpOverlay.objectName():
            HelpOverlay.setObjectName(u"HelpOverlay")
        HelpOverlay.resize(800, 600)
        HelpOverlay.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.layout = QVBoxLayout(HelpOverlay)
        self.layout.setObjectName(u"layout")
        self.label = QLabel(HelpOverlay)
        self.label.setObjectName(u"label")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignCenter)


        self.retranslateUi(HelpOverlay)

        QMetaObject.connectSlotsByName(HelpOverlay)
    # setupUi

    def retranslateUi(self, HelpOverlay):
#if QT_CONFIG(accessibility)
        HelpOverlay.setAccessibleName(QCoreApplication.translate("HelpOverlay", u"Keyboard shortcuts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.label.setAccessibleName(QCoreApplication.translate("HelpOverlay", u"List of keyboard shortcuts", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

