# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'auto_assign_dialog.ui'
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
    QFormLayout, QLabel, QSizePolicy, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_AutoAssignDialog(object):
    def setupUi(self, AutoAssignDialog):
        if not AutoAssignDialog.objectName():
            AutoAssignDialog.setObjectName(u"AutoAssignDialog")
        AutoAssignDialog.resize(420, 200)
        self.layout = QVBoxLayout(AutoAssignDialog)
        self.layout.setObjectName(u"layout")
        self.explanation = QLabel(AutoAssignDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.layout.addWidget(self.explanation)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.awardLabel = QLabel(AutoAssignDialog)
        self.awardLabel.setObjectName(u"awardLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.awardLabel)

        self.award = QLabel(AutoAssignDialog)
        self.award.setObjectName(u"award")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.award)

        self.perEntryLabel = QLabel(AutoAssignDialog)
        self.perEntryLabel.setObjectName(u"perEntryLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.perEntryLabel)

        self.perEntry = QSpinBox(AutoAssignDialog)
        self.perEntry.setObjectName(u"perEntry")
        self.perEntry.setMinimum(1)
        self.perEntry.setMaximum(50)
        self.perEntry.setValue(3)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.perEntry)

        self.seedLabel = QLabel(AutoAssignDialog)
        self.seedLabel.setObjectName(u"seedLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.seedLabel)

        self.seed = QSpinBox(AutoAssignDialog)
        self.seed.setObjectName(u"seed")
        self.seed.setMinimum(-1)
        self.seed.setMaximum(999999)
        self.seed.setValue(-1)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.seed)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(AutoAssignDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.perEntryLabel.setBuddy(self.perEntry)
        self.seedLabel.setBuddy(self.seed)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AutoAssignDialog)
        self.buttons.accepted.connect(AutoAssignDialog.accept)
        self.buttons.rejected.connect(AutoAssignDialog.reject)

        QMetaObject.connectSlotsByName(AutoAssignDialog)
    # setupUi

    def retranslateUi(self, AutoAssignDialog):
        AutoAssignDialog.setWindowTitle(QCoreApplication.translate("AutoAssignDialog", u"Auto-assign entries", None))
        self.explanation.setText(QCoreApplication.translate("AutoAssignDialog", u"Every entry gets this many judges. Assignments already made are kept; judges with a conflict are never given the entry; workloads are kept level.", None))
        self.awardLabel.setText(QCoreApplication.translate("AutoAssignDialog", u"Award", None))
        self.perEntryLabel.setText(QCoreApplication.translate("AutoAssignDialog", u"&Judges per entry", None))
        self.seedLabel.setText(QCoreApplication.translate("AutoAssignDialog", u"&Seed", None))
#if QT_CONFIG(tooltip)
        self.seed.setToolTip(QCoreApplication.translate("AutoAssignDialog", u"The same seed gives the same assignment; leave at \"random\" for a fresh draw", None))
#endif // QT_CONFIG(tooltip)
        self.seed.setSpecialValueText(QCoreApplication.translate("AutoAssignDialog", u"random", None))
    # retranslateUi

