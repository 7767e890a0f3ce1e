# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'judge_dialog.ui'
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

class Ui_JudgeDialog(object):
    def setupUi(self, JudgeDialog):
        if not JudgeDialog.objectName():
            JudgeDialog.setObjectName(u"JudgeDialog")
        JudgeDialog.resize(380, 160)
        self.layout = QVBoxLayout(JudgeDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(JudgeDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(JudgeDialog)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.emailLabel = QLabel(JudgeDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.email = QLineEdit(JudgeDialog)
        self.email.setObjectName(u"email")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.email)

        self.roleLabel = QLabel(JudgeDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.role = QComboBox(JudgeDialog)
        self.role.setObjectName(u"role")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(JudgeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.emailLabel.setBuddy(self.email)
        self.roleLabel.setBuddy(self.role)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(JudgeDialog)
        self.buttons.accepted.connect(JudgeDialog.accept)
        self.buttons.rejected.connect(JudgeDialog.reject)

        QMetaObject.connectSlotsByName(JudgeDialog)
    # setupUi

    def retranslateUi(self, JudgeDialog):
        JudgeDialog.setWindowTitle(QCoreApplication.translate("JudgeDialog", u"Judge", None))
        self.nameLabel.setText(QCoreApplication.translate("JudgeDialog", u"&Name", None))
        self.name.setPlaceholderText(QCoreApplication.translate("JudgeDialog", u"e.g. Dr Aisha Patel", None))
        self.emailLabel.setText(QCoreApplication.translate("JudgeDialog", u"&E-mail", None))
        self.email.setPlaceholderText(QCoreApplication.translate("JudgeDialog", u"optional", None))
        self.roleLabel.setText(QCoreApplication.translate("JudgeDialog", u"&Role", None))
    # retranslateUi

