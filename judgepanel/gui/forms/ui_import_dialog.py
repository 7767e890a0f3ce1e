# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(980, 720)
        self.layout = QVBoxLayout(ImportDialog)
        self.layout.setObjectName(u"layout")
        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileLabel = QLabel(ImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileRow.addWidget(self.fileLabel)

        self.file = QLineEdit(ImportDialog)
        self.file.setObjectName(u"file")

        self.fileRow.addWidget(self.file)

        self.browse = QPushButton(ImportDialog)
        self.browse.setObjectName(u"browse")

        self.fileRow.addWidget(self.browse)


        self.layout.addLayout(self.fileRow)

        self.documentsRow = QHBoxLayout()
        self.documentsRow.setObjectName(u"documentsRow")
        self.documentsLabel = QLabel(ImportDialog)
        self.documentsLabel.setObjectName(u"documentsLabel")

        self.documentsRow.addWidget(self.documentsLabel)

        self.documents = QLineEdit(ImportDialog)
        self.documents.setObjectName(u"documents")

        self.documentsRow.addWidget(self.documents)

        self.browseDocumentsZip = QPushButton(ImportDialog)
        self.browseDocumentsZip.setObjectName(u"browseDocumentsZip")

        self.documentsRow.addWidget(self.browseDocumentsZip)

        self.browseDocumentsFolder = QPushButton(ImportDialog)
        self.browseDocumentsFolder.setObjectName(u"browseDocumentsFolder")

        self.documentsRow.addWidget(self.browseDocumentsFolder)

        self.ignoreUnmatched = QCheckBox(ImportDialog)
        self.ignoreUnmatched.setObjectName(u"ignoreUnmatched")

        self.documentsRow.addWidget(self.ignoreUnmatched)


        self.layout.addLayout(self.documentsRow)

        self.optionsRow = QHBoxLayout()
        self.optionsRow.setObjectName(u"optionsRow")
        self.presetLabel = QLabel(ImportDialog)
        self.presetLabel.setObjectName(u"presetLabel")

        self.optionsRow.addWidget(self.presetLabel)

        self.preset = QComboBox(ImportDialog)
        self.preset.setObjectName(u"preset")

        self.optionsRow.addWidget(self.preset)

        self.gap = QSpacerItem(20, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.optionsRow.addItem(self.gap)

        self.awardLabel = QLabel(ImportDialog)
        self.awardLabel.setObjectName(u"awardLabel")

        self.optionsRow.addWidget(self.awardLabel)

        self.award = QComboBox(ImportDialog)
        self.award.setObjectName(u"award")

        self.optionsRow.addWidget(self.award)

        self.stretch = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.optionsRow.addItem(self.stretch)


        self.layout.addLayout(self.optionsRow)

        self.splitter = QSplitter(ImportDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.mappingBox = QGroupBox(self.splitter)
        self.mappingBox.setObjectName(u"mappingBox")
        self.mappingLayout = QVBoxLayout(self.mappingBox)
        self.mappingLayout.setObjectName(u"mappingLayout")
        self.mapping = QTableWidget(self.mappingBox)
        self.mapping.setObjectName(u"mapping")

        self.mappingLayout.addWidget(self.mapping)

        self.splitter.addWidget(self.mappingBox)
        self.previewBox = QGroupBox(self.splitter)
        self.previewBox.setObjectName(u"previewBox")
        self.previewLayout = QVBoxLayout(self.previewBox)
        self.previewLayout.setObjectName(u"previewLayout")
        self.preview = QTableWidget(self.previewBox)
        self.preview.setObjectName(u"preview")

        self.previewLayout.addWidget(self.preview)

        self.splitter.addWidget(self.previewBox)
        self.report = QPlainTextEdit(self.splitter)
        self.report.setObjectName(u"report")
        self.report.setReadOnly(True)
        self.splitter.addWidget(self.report)

        self.layout.addWidget(self.splitter)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.loadMapping = QPushButton(ImportDialog)
        self.loadMapping.setObjectName(u"loadMapping")

        self.buttonRow.addWidget(self.loadMapping)

        self.saveMapping = QPushButton(ImportDialog)
        self.saveMapping.setObjectName(u"saveMapping")

        self.buttonRow.addWidget(self.saveMapping)

        self.buttonStretch = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonStretch)

        self.dryRun = QPushButton(ImportDialog)
        self.dryRun.setObjectName(u"dryRun")

        self.buttonRow.addWidget(self.dryRun)

        self.importButton = QPushButton(ImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonRow.addWidget(self.importButton)

        self.closeButton = QPushButton(ImportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.layout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.file)
        self.documentsLabel.setBuddy(self.documents)
        self.presetLabel.setBuddy(self.preset)
        self.awardLabel.setBuddy(self.award)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportDialog)
        self.closeButton.clicked.connect(ImportDialog.accept)

        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Import entries", None))
        self.fileLabel.setText(QCoreApplication.translate("ImportDialog", u"&Export file", None))
        self.file.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"A CSV, Excel (.xlsx) or JSON export from your entry platform", None))
        self.browse.setText(QCoreApplication.translate("ImportDialog", u"Choose\u2026", None))
        self.documentsLabel.setText(QCoreApplication.translate("ImportDialog", u"&Documents", None))
        self.documents.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"Optional: the bulk download (a ZIP or a folder with one folder per entry)", None))
        self.browseDocumentsZip.setText(QCoreApplication.translate("ImportDialog", u"ZIP\u2026", None))
        self.browseDocumentsFolder.setText(QCoreApplication.translate("ImportDialog", u"Folder\u2026", None))
        self.ignoreUnmatched.setText(QCoreApplication.translate("ImportDialog", u"Skip files for no entry", None))
        self.presetLabel.setText(QCoreApplication.translate("ImportDialog", u"&Platform", None))
        self.awardLabel.setText(QCoreApplication.translate("ImportDialog", u"&Award", None))
        self.mappingBox.setTitle(QCoreApplication.translate("ImportDialog", u"Columns: what each one is (check the guess and correct it)", None))
        self.previewBox.setTitle(QCoreApplication.translate("ImportDialog", u"Preview: the first entries as they will be stored", None))
        self.report.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"Choose a file; Dry run says what an import would do without changing the panel.", None))
        self.loadMapping.setText(QCoreApplication.translate("ImportDialog", u"Load mapping\u2026", None))
        self.saveMapping.setText(QCoreApplication.translate("ImportDialog", u"Save mapping\u2026", None))
        self.dryRun.setText(QCoreApplication.translate("ImportDialog", u"&Dry run", None))
        self.importButton.setText(QCoreApplication.translate("ImportDialog", u"&Import", None))
        self.closeButton.setText(QCoreApplication.translate("ImportDialog", u"Close", None))
    # retranslateUi

