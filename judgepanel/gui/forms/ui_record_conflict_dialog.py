# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'record_conflict_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_RecordConflictDialog(object):
    def setupUi(self, RecordConflictDialog):
        if not RecordConflictDialog.objectName():
            RecordConflictDialog.setObjectName(u"RecordConflictDialog")
        RecordConflictDialog.resize(480, 200)
        self.layout = QVBoxLayout(RecordConflictDialog)
        self.layout.setObjectName(u"layout")
        self.explanation = QLabel(RecordConflictDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.layout.addWidget(self.explanation)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.judgeLabel = QLabel(RecordConflictDialog)
        self.judgeLabel.setObjectName(u"judgeLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.judgeLabel)

        self.judge = QComboBox(RecordConflictDialog)
        self.judge.setObjectName(u"judge")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.judge)

        self.entryLabel = QLabel(RecordConflictDialog)
        self.entryLabel.setObjectName(u"entryLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.entryLabel)

        self.entry = QComboBox(RecordConflictDialog)
        self.entry.setObjectName(u"entry")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.entry)

        self.reasonLabel = QLabel(RecordConflictDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QLineEdit(RecordConflictDialog)
        self.reason.setObjectName(u"reason")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reason)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(RecordConflictDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.judgeLabel.setBuddy(self.judge)
        self.entryLabel.setBuddy(self.entry)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RecordConflictDialog)
        self.buttons.accepted.connect(RecordConflictDialog.accept)
        self.buttons.rejected.connect(RecordConflictDialog.reject)

        QMetaObject.connectSlotsByName(RecordConflictDialog)
    # setupUi

    def retranslateUi(self, RecordConflictDialog):
        RecordConflictDialog.setWindowTitle(QCoreApplication.translate("RecordConflictDialog", u"Record a conflict of interest", None))
        self.explanation.setText(QCoreApplication.translate("RecordConflictDialog", u"The judge loses this entry's assignment and any score they give it will not count.", None))
        self.judgeLabel.setText(QCoreApplication.translate("RecordConflictDialog", u"&Judge", None))
        self.entryLabel.setText(QCoreApplication.translate("RecordConflictDialog", u"E&ntry", None))
        self.reasonLabel.setText(QCoreApplication.translate("RecordConflictDialog", u"&Reason", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("RecordConflictDialog", u"e.g. works in the same trust as the nominee", None))
    # retranslateUi

