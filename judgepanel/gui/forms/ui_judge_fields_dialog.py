# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'judge_fields_dialog.ui'
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
    QLabel, QListWidget, QListWidgetItem, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_JudgeFieldsDialog(object):
    def setupUi(self, JudgeFieldsDialog):
        if not JudgeFieldsDialog.objectName():
            JudgeFieldsDialog.setObjectName(u"JudgeFieldsDialog")
        JudgeFieldsDialog.resize(380, 360)
        self.layout = QVBoxLayout(JudgeFieldsDialog)
        self.layout.setObjectName(u"layout")
        self.explanation = QLabel(JudgeFieldsDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.layout.addWidget(self.explanation)

        self.fields = QListWidget(JudgeFieldsDialog)
        self.fields.setObjectName(u"fields")

        self.layout.addWidget(self.fields)

        self.buttons = QDialogButtonBox(JudgeFieldsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(JudgeFieldsDialog)
        self.buttons.accepted.connect(JudgeFieldsDialog.accept)
        self.buttons.rejected.connect(JudgeFieldsDialog.reject)

        QMetaObject.connectSlotsByName(JudgeFieldsDialog)
    # setupUi

    def retranslateUi(self, JudgeFieldsDialog):
        JudgeFieldsDialog.setWindowTitle(QCoreApplication.translate("JudgeFieldsDialog", u"Fields judges see", None))
        self.explanation.setText(QCoreApplication.translate("JudgeFieldsDialog", u"Tick what judges see. Unticked fields never go into their packs; the report, feedback and certificates still use them. Untick nominee and organisation for anonymised judging (entries are then shown by id and title).", None))
#if QT_CONFIG(accessibility)
        self.fields.setAccessibleName(QCoreApplication.translate("JudgeFieldsDialog", u"Fields judges see", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

