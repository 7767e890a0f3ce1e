# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'certificate_design.ui'
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
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_DesignEditor(object):
    def setupUi(self, DesignEditor):
        if not DesignEditor.objectName():
            DesignEditor.setObjectName(u"DesignEditor")
        DesignEditor.resize(560, 640)
        DesignEditor.setMinimumSize(QSize(560, 0))
        self.layout = QVBoxLayout(DesignEditor)
        self.layout.setObjectName(u"layout")
        self.files = QHBoxLayout()
        self.files.setObjectName(u"files")
        self.open_button = QPushButton(DesignEditor)
        self.open_button.setObjectName(u"open_button")

        self.files.addWidget(self.open_button)

        self.save_button = QPushButton(DesignEditor)
        self.save_button.setObjectName(u"save_button")

        self.files.addWidget(self.save_button)

        self.filesSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.files.addItem(self.filesSpacer)

        self.files.setStretch(2, 1)

        self.layout.addLayout(self.files)

        self.file_label = QLabel(DesignEditor)
        self.file_label.setObjectName(u"file_label")
        self.file_label.setWordWrap(True)

        self.layout.addWidget(self.file_label)

        self.wording = QGroupBox(DesignEditor)
        self.wording.setObjectName(u"wording")
        self.wordingForm = QFormLayout(self.wording)
        self.wordingForm.setObjectName(u"wordingForm")
        self.programmeLabel = QLabel(self.wording)
        self.programmeLabel.setObjectName(u"programmeLabel")

        self.wordingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.programmeLabel)

        self.programme = QLineEdit(self.wording)
        self.programme.setObjectName(u"programme")

        self.wordingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.programme)

        self.headingLabel = QLabel(self.wording)
        self.headingLabel.setObjectName(u"headingLabel")

        self.wordingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.headingLabel)

        self.heading = QLineEdit(self.wording)
        self.heading.setObjectName(u"heading")

        self.wordingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.heading)

        self.presented_toLabel = QLabel(self.wording)
        self.presented_toLabel.setObjectName(u"presented_toLabel")

        self.wordingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.presented_toLabel)

        self.presented_to = QLineEdit(self.wording)
        self.presented_to.setObjectName(u"presented_to")

        self.wordingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.presented_to)

        self.dateLabel = QLabel(self.wording)
        self.dateLabel.setObjectName(u"dateLabel")

        self.wordingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.date = QLineEdit(self.wording)
        self.date.setObjectName(u"date")

        self.wordingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.date)


        self.layout.addWidget(self.wording)

        self.colours_box = QGroupBox(DesignEditor)
        self.colours_box.setObjectName(u"colours_box")
        self.coloursForm = QFormLayout(self.colours_box)
        self.coloursForm.setObjectName(u"coloursForm")

        self.layout.addWidget(self.colours_box)

        self.signing = QGroupBox(DesignEditor)
        self.signing.setObjectName(u"signing")
        self.signingForm = QFormLayout(self.signing)
        self.signingForm.setObjectName(u"signingForm")
        self.signature1NameLabel = QLabel(self.signing)
        self.signature1NameLabel.setObjectName(u"signature1NameLabel")

        self.signingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.signature1NameLabel)

        self.signature1Name = QLineEdit(self.signing)
        self.signature1Name.setObjectName(u"signature1Name")

        self.signingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.signature1Name)

        self.signature1Role = QLineEdit(self.signing)
        self.signature1Role.setObjectName(u"signature1Role")

        self.signingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.signature1Role)

        self.signature2NameLabel = QLabel(self.signing)
        self.signature2NameLabel.setObjectName(u"signature2NameLabel")

        self.signingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.signature2NameLabel)

        self.signature2Name = QLineEdit(self.signing)
        self.signature2Name.setObjectName(u"signature2Name")

        self.signingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.signature2Name)

        self.signature2Role = QLineEdit(self.signing)
        self.signature2Role.setObjectName(u"signature2Role")

        self.signingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.signature2Role)


        self.layout.addWidget(self.signing)

        self.buttons = QDialogButtonBox(DesignEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.programmeLabel.setBuddy(self.programme)
        self.headingLabel.setBuddy(self.heading)
        self.presented_toLabel.setBuddy(self.presented_to)
        self.dateLabel.setBuddy(self.date)
        self.signature1NameLabel.setBuddy(self.signature1Name)
        self.signature2NameLabel.setBuddy(self.signature2Name)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DesignEditor)
        self.buttons.accepted.connect(DesignEditor.accept)
        self.buttons.rejected.connect(DesignEditor.reject)

        QMetaObject.connectSlotsByName(DesignEditor)
    # setupUi

    def retranslateUi(self, DesignEditor):
        DesignEditor.setWindowTitle(QCoreApplication.translate("DesignEditor", u"Certificate design", None))
#if QT_CONFIG(tooltip)
        self.open_button.setToolTip(QCoreApplication.translate("DesignEditor", u"Start from a design file saved earlier", None))
#endif // QT_CONFIG(tooltip)
        self.open_button.setText(QCoreApplication.translate("DesignEditor", u"&Open design\u2026", None))
#if QT_CONFIG(tooltip)
        self.save_button.setToolTip(QCoreApplication.translate("DesignEditor", u"Keep this design as a file, to use again next time", None))
#endif // QT_CONFIG(tooltip)
        self.save_button.setText(QCoreApplication.translate("DesignEditor", u"&Save design as\u2026", None))
        self.file_label.setText("")
        self.wording.setTitle(QCoreApplication.translate("DesignEditor", u"Wording", None))
        self.programmeLabel.setText(QCoreApplication.translate("DesignEditor", u"Programme:", None))
        self.programme.setPlaceholderText(QCoreApplication.translate("DesignEditor", u"the panel's title", None))
        self.headingLabel.setText(QCoreApplication.translate("DesignEditor", u"Heading:", None))
        self.presented_toLabel.setText(QCoreApplication.translate("DesignEditor", u"Before the name:", None))
        self.dateLabel.setText(QCoreApplication.translate("DesignEditor", u"Date:", None))
        self.date.setPlaceholderText(QCoreApplication.translate("DesignEditor", u"today's date, e.g. 22 November 2026", None))
        self.colours_box.setTitle(QCoreApplication.translate("DesignEditor", u"Colours", None))
        self.signing.setTitle(QCoreApplication.translate("DesignEditor", u"Signatures (up to two)", None))
        self.signature1NameLabel.setText(QCoreApplication.translate("DesignEditor", u"Signature 1:", None))
        self.signature1Name.setPlaceholderText(QCoreApplication.translate("DesignEditor", u"Name", None))
        self.signature1Role.setPlaceholderText(QCoreApplication.translate("DesignEditor", u"Role, e.g. Chair of the judging panel", None))
        self.signature2NameLabel.setText(QCoreApplication.translate("DesignEditor", u"Signature 2:", None))
        self.signature2Name.setPlaceholderText(QCoreApplication.translate("DesignEditor", u"Name", None))
        self.signature2Role.setPlaceholderText(QCoreApplication.translate("DesignEditor", u"Role, e.g. Chair of the judging panel", None))
    # retranslateUi

