# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_panel_dialog.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_NewPanelDialog(object):
    def setupUi(self, NewPanelDialog):
        if not NewPanelDialog.objectName():
            NewPanelDialog.setObjectName(u"NewPanelDialog")
        NewPanelDialog.resize(520, 380)
        self.layout = QVBoxLayout(NewPanelDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.titleLabel = QLabel(NewPanelDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.title = QLineEdit(NewPanelDialog)
        self.title.setObjectName(u"title")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)


        self.layout.addLayout(self.form)

        self.awardsLabel = QLabel(NewPanelDialog)
        self.awardsLabel.setObjectName(u"awardsLabel")

        self.layout.addWidget(self.awardsLabel)

        self.awards = QListWidget(NewPanelDialog)
        self.awards.setObjectName(u"awards")

        self.layout.addWidget(self.awards)

        self.fromFileRow = QHBoxLayout()
        self.fromFileRow.setObjectName(u"fromFileRow")
        self.addFromFile = QPushButton(NewPanelDialog)
        self.addFromFile.setObjectName(u"addFromFile")

        self.fromFileRow.addWidget(self.addFromFile)

        self.fromFileSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fromFileRow.addItem(self.fromFileSpacer)


        self.layout.addLayout(self.fromFileRow)

        self.problem = QLabel(NewPanelDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(NewPanelDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.title)
        self.awardsLabel.setBuddy(self.awards)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewPanelDialog)
        self.buttons.rejected.connect(NewPanelDialog.reject)

        QMetaObject.connectSlotsByName(NewPanelDialog)
    # setupUi

    def retranslateUi(self, NewPanelDialog):
        NewPanelDialog.setWindowTitle(QCoreApplication.translate("NewPanelDialog", u"New panel", None))
        self.titleLabel.setText(QCoreApplication.translate("NewPanelDialog", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.title.setAccessibleName(QCoreApplication.translate("NewPanelDialog", u"Title of the panel", None))
#endif // QT_CONFIG(accessibility)
        self.title.setPlaceholderText(QCoreApplication.translate("NewPanelDialog", u"e.g. NHS Leadership Awards 2026", None))
        self.awardsLabel.setText(QCoreApplication.translate("NewPanelDialog", u"&Awards this panel judges (at least one):", None))
#if QT_CONFIG(accessibility)
        self.awards.setAccessibleName(QCoreApplication.translate("NewPanelDialog", u"Awards this panel judges", None))
#endif // QT_CONFIG(accessibility)
        self.addFromFile.setText(QCoreApplication.translate("NewPanelDialog", u"Add an award from a &file\u2026", None))
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("NewPanelDialog", u"What is missing", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

