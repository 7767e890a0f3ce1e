# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'create_packs_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_CreatePacksDialog(object):
    def setupUi(self, CreatePacksDialog):
        if not CreatePacksDialog.objectName():
            CreatePacksDialog.setObjectName(u"CreatePacksDialog")
        CreatePacksDialog.resize(480, 380)
        self.layout = QVBoxLayout(CreatePacksDialog)
        self.layout.setObjectName(u"layout")
        self.explanation = QLabel(CreatePacksDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.layout.addWidget(self.explanation)

        self.judgesLabel = QLabel(CreatePacksDialog)
        self.judgesLabel.setObjectName(u"judgesLabel")

        self.layout.addWidget(self.judgesLabel)

        self.judges = QListWidget(CreatePacksDialog)
        self.judges.setObjectName(u"judges")

        self.layout.addWidget(self.judges)

        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folderLabel = QLabel(CreatePacksDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.folderRow.addWidget(self.folderLabel)

        self.folder = QLineEdit(CreatePacksDialog)
        self.folder.setObjectName(u"folder")

        self.folderRow.addWidget(self.folder)

        self.browse = QPushButton(CreatePacksDialog)
        self.browse.setObjectName(u"browse")

        self.folderRow.addWidget(self.browse)


        self.layout.addLayout(self.folderRow)

        self.overwrite = QCheckBox(CreatePacksDialog)
        self.overwrite.setObjectName(u"overwrite")

        self.layout.addWidget(self.overwrite)

        self.buttons = QDialogButtonBox(CreatePacksDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.judgesLabel.setBuddy(self.judges)
        self.folderLabel.setBuddy(self.folder)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CreatePacksDialog)
        self.buttons.accepted.connect(CreatePacksDialog.accept)
        self.buttons.rejected.connect(CreatePacksDialog.reject)

        QMetaObject.connectSlotsByName(CreatePacksDialog)
    # setupUi

    def retranslateUi(self, CreatePacksDialog):
        CreatePacksDialog.setWindowTitle(QCoreApplication.translate("CreatePacksDialog", u"Create judge packs", None))
        self.explanation.setText(QCoreApplication.translate("CreatePacksDialog", u"Each judge gets one .judgepack file holding only their own entries. Send each judge their file by e-mail, USB stick or a shared drive.", None))
        self.judgesLabel.setText(QCoreApplication.translate("CreatePacksDialog", u"&Judges", None))
        self.folderLabel.setText(QCoreApplication.translate("CreatePacksDialog", u"&Folder", None))
        self.browse.setText(QCoreApplication.translate("CreatePacksDialog", u"Choose\u2026", None))
        self.overwrite.setText(QCoreApplication.translate("CreatePacksDialog", u"&Replace packs already in the folder", None))
    # retranslateUi

