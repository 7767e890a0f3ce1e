# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'outputs_page.ui'
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
from PySide6.QtWidgets import (QApplication, QGroupBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QVBoxLayout, QWidget)

from judgepanel.gui.pages.choosers import AwardChooser
from judgepanel.gui.pdf_preview import PdfPreview

class Ui_OutputsPage(object):
    def setupUi(self, OutputsPage):
        if not OutputsPage.objectName():
            OutputsPage.setObjectName(u"OutputsPage")
        OutputsPage.resize(800, 600)
        self.pageLayout = QVBoxLayout(OutputsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.award_label = QLabel(OutputsPage)
        self.award_label.setObjectName(u"award_label")

        self.top.addWidget(self.award_label)

        self.award_combo = AwardChooser(OutputsPage)
        self.award_combo.setObjectName(u"award_combo")

        self.top.addWidget(self.award_combo)

        self.topStretch = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.top.addItem(self.topStretch)

        self.top.setStretch(1, 1)
        self.top.setStretch(2, 1)

        self.pageLayout.addLayout(self.top)

        self.splitter = QSplitter(OutputsPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.controls = QWidget(self.splitter)
        self.controls.setObjectName(u"controls")
        self.controlsLayout = QVBoxLayout(self.controls)
        self.controlsLayout.setObjectName(u"controlsLayout")
        self.controlsLayout.setContentsMargins(0, 0, 0, 0)
        self.report_box = QGroupBox(self.controls)
        self.report_box.setObjectName(u"report_box")
        self.report_boxLayout = QVBoxLayout(self.report_box)
        self.report_boxLayout.setObjectName(u"report_boxLayout")
        self.report_box_note = QLabel(self.report_box)
        self.report_box_note.setObjectName(u"report_box_note")
        self.report_box_note.setWordWrap(True)

        self.report_boxLayout.addWidget(self.report_box_note)

        self.report_button = QPushButton(self.report_box)
        self.report_button.setObjectName(u"report_button")

        self.report_boxLayout.addWidget(self.report_button)


        self.controlsLayout.addWidget(self.report_box)

        self.feedback_box = QGroupBox(self.controls)
        self.feedback_box.setObjectName(u"feedback_box")
        self.feedback_boxLayout = QVBoxLayout(self.feedback_box)
        self.feedback_boxLayout.setObjectName(u"feedback_boxLayout")
        self.feedback_box_note = QLabel(self.feedback_box)
        self.feedback_box_note.setObjectName(u"feedback_box_note")
        self.feedback_box_note.setWordWrap(True)

        self.feedback_boxLayout.addWidget(self.feedback_box_note)

        self.feedback_button = QPushButton(self.feedback_box)
        self.feedback_button.setObjectName(u"feedback_button")

        self.feedback_boxLayout.addWidget(self.feedback_button)


        self.controlsLayout.addWidget(self.feedback_box)

        self.export_box = QGroupBox(self.controls)
        self.export_box.setObjectName(u"export_box")
        self.export_boxLayout = QVBoxLayout(self.export_box)
        self.export_boxLayout.setObjectName(u"export_boxLayout")
        self.export_box_note = QLabel(self.export_box)
        self.export_box_note.setObjectName(u"export_box_note")
        self.export_box_note.setWordWrap(True)

        self.export_boxLayout.addWidget(self.export_box_note)

        self.export_button = QPushButton(self.export_box)
        self.export_button.setObjectName(u"export_button")

        self.export_boxLayout.addWidget(self.export_button)


        self.controlsLayout.addWidget(self.export_box)

        self.controlsStretch = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.controlsLayout.addItem(self.controlsStretch)

        self.controlsLayout.setStretch(3, 1)
        self.splitter.addWidget(self.controls)
        self.preview_panel = QWidget(self.splitter)
        self.preview_panel.setObjectName(u"preview_panel")
        self.previewLayout = QVBoxLayout(self.preview_panel)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewLayout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(self.preview_panel)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.previewLayout.addWidget(self.status)

        self.preview = PdfPreview(self.preview_panel)
        self.preview.setObjectName(u"preview")

        self.previewLayout.addWidget(self.preview)

        self.previewButtons = QHBoxLayout()
        self.previewButtons.setObjectName(u"previewButtons")
        self.previewStretch = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.previewButtons.addItem(self.previewStretch)

        self.print_button = QPushButton(self.preview_panel)
        self.print_button.setObjectName(u"print_button")
        self.print_button.setEnabled(False)

        self.previewButtons.addWidget(self.print_button)

        self.open_folder_button = QPushButton(self.preview_panel)
        self.open_folder_button.setObjectName(u"open_folder_button")
        self.open_folder_button.setEnabled(False)

        self.previewButtons.addWidget(self.open_folder_button)

        self.previewButtons.setStretch(0, 1)

        self.previewLayout.addLayout(self.previewButtons)

        self.previewLayout.setStretch(1, 1)
        self.splitter.addWidget(self.preview_panel)

        self.pageLayout.addWidget(self.splitter)

        self.pageLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.award_label.setBuddy(self.award_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OutputsPage)

        QMetaObject.connectSlotsByName(OutputsPage)
    # setupUi

    def retranslateUi(self, OutputsPage):
        self.award_label.setText(QCoreApplication.translate("OutputsPage", u"&Award:", None))
#if QT_CONFIG(accessibility)
        self.award_combo.setAccessibleName(QCoreApplication.translate("OutputsPage", u"Award", None))
#endif // QT_CONFIG(accessibility)
        self.report_box.setTitle(QCoreApplication.translate("OutputsPage", u"Ranked report", None))
        self.report_box_note.setText(QCoreApplication.translate("OutputsPage", u"The ranking, reliability, decisions and sign-off block, for the chair to sign.", None))
        self.report_button.setText(QCoreApplication.translate("OutputsPage", u"&Ranked report\u2026", None))
        self.feedback_box.setTitle(QCoreApplication.translate("OutputsPage", u"Feedback for entrants", None))
        self.feedback_box_note.setText(QCoreApplication.translate("OutputsPage", u"One PDF per entry: its section scores against the award's average and the judges' comments, with no judge named.", None))
        self.feedback_button.setText(QCoreApplication.translate("OutputsPage", u"&Feedback for entrants\u2026", None))
        self.export_box.setTitle(QCoreApplication.translate("OutputsPage", u"Results spreadsheet", None))
        self.export_box_note.setText(QCoreApplication.translate("OutputsPage", u"The chosen award's ranking as CSV or Excel; text a spreadsheet would run as a formula is made harmless.", None))
        self.export_button.setText(QCoreApplication.translate("OutputsPage", u"E&xport results (CSV/XLSX)\u2026", None))
        self.status.setText(QCoreApplication.translate("OutputsPage", u"Nothing written yet in this session.", None))
        self.print_button.setText(QCoreApplication.translate("OutputsPage", u"&Print\u2026", None))
        self.open_folder_button.setText(QCoreApplication.translate("OutputsPage", u"&Open folder", None))
        pass
    # retranslateUi

