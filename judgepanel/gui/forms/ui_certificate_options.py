# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'certificate_options.ui'
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
from PySide6.QtWidgets import (QApplication, QButtonGroup, QComboBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QPushButton,
    QRadioButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_CertificateOptions(object):
    def setupUi(self, CertificateOptions):
        if not CertificateOptions.objectName():
            CertificateOptions.setObjectName(u"CertificateOptions")
        CertificateOptions.resize(400, 220)
        self.form = QFormLayout(CertificateOptions)
        self.form.setObjectName(u"form")
        self.placement_label = QLabel(CertificateOptions)
        self.placement_label.setObjectName(u"placement_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.placement_label)

        self.placement_combo = QComboBox(CertificateOptions)
        self.placement_combo.setObjectName(u"placement_combo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.placement_combo)

        self.files_label = QLabel(CertificateOptions)
        self.files_label.setObjectName(u"files_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.files_label)

        self.files = QVBoxLayout()
        self.files.setObjectName(u"files")
        self.one_pdf = QRadioButton(CertificateOptions)
        self.files_group = QButtonGroup(CertificateOptions)
        self.files_group.setObjectName(u"files_group")
        self.files_group.addButton(self.one_pdf)
        self.one_pdf.setObjectName(u"one_pdf")
        self.one_pdf.setChecked(True)

        self.files.addWidget(self.one_pdf)

        self.separate = QRadioButton(CertificateOptions)
        self.files_group.addButton(self.separate)
        self.separate.setObjectName(u"separate")

        self.files.addWidget(self.separate)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.files)

        self.design_title = QLabel(CertificateOptions)
        self.design_title.setObjectName(u"design_title")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.design_title)

        self.design_label = QLabel(CertificateOptions)
        self.design_label.setObjectName(u"design_label")
        self.design_label.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.design_label)

        self.design_buttons = QHBoxLayout()
        self.design_buttons.setObjectName(u"design_buttons")
        self.design_button = QPushButton(CertificateOptions)
        self.design_button.setObjectName(u"design_button")

        self.design_buttons.addWidget(self.design_button)

        self.edit_design_button = QPushButton(CertificateOptions)
        self.edit_design_button.setObjectName(u"edit_design_button")

        self.design_buttons.addWidget(self.edit_design_button)

        self.builtin_button = QPushButton(CertificateOptions)
        self.builtin_button.setObjectName(u"builtin_button")

        self.design_buttons.addWidget(self.builtin_button)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.design_buttons)

        self.certificates_button = QPushButton(CertificateOptions)
        self.certificates_button.setObjectName(u"certificates_button")

        self.form.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.certificates_button)

#if QT_CONFIG(shortcut)
        self.placement_label.setBuddy(self.placement_combo)
        self.design_title.setBuddy(self.design_label)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CertificateOptions)

        QMetaObject.connectSlotsByName(CertificateOptions)
    # setupUi

    def retranslateUi(self, CertificateOptions):
        CertificateOptions.setTitle(QCoreApplication.translate("CertificateOptions", u"Certificates", None))
        self.placement_label.setText(QCoreApplication.translate("CertificateOptions", u"Placements:", None))
        self.files_label.setText(QCoreApplication.translate("CertificateOptions", u"Files:", None))
        self.one_pdf.setText(QCoreApplication.translate("CertificateOptions", u"One PDF for the printer", None))
        self.separate.setText(QCoreApplication.translate("CertificateOptions", u"One file per certificate", None))
        self.design_title.setText(QCoreApplication.translate("CertificateOptions", u"Design:", None))
        self.design_label.setText(QCoreApplication.translate("CertificateOptions", u"Built-in design", None))
        self.design_button.setText(QCoreApplication.translate("CertificateOptions", u"Design &file\u2026", None))
        self.edit_design_button.setText(QCoreApplication.translate("CertificateOptions", u"&Edit design\u2026", None))
#if QT_CONFIG(tooltip)
        self.builtin_button.setToolTip(QCoreApplication.translate("CertificateOptions", u"Go back to JudgePanel's own certificate design", None))
#endif // QT_CONFIG(tooltip)
        self.builtin_button.setText(QCoreApplication.translate("CertificateOptions", u"Built-in", None))
        self.certificates_button.setText(QCoreApplication.translate("CertificateOptions", u"&Certificates\u2026", None))
    # retranslateUi

