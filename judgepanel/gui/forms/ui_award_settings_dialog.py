# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'award_settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_AwardSettingsDialog(object):
    def setupUi(self, AwardSettingsDialog):
        if not AwardSettingsDialog.objectName():
            AwardSettingsDialog.setObjectName(u"AwardSettingsDialog")
        AwardSettingsDialog.resize(640, 660)
        self.layout = QVBoxLayout(AwardSettingsDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.method_label = QLabel(AwardSettingsDialog)
        self.method_label.setObjectName(u"method_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.method_label)

        self.method = QComboBox(AwardSettingsDialog)
        self.method.setObjectName(u"method")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.method)

        self.places_label = QLabel(AwardSettingsDialog)
        self.places_label.setObjectName(u"places_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.places_label)

        self.places = QSpinBox(AwardSettingsDialog)
        self.places.setObjectName(u"places")
        self.places.setMinimum(1)
        self.places.setMaximum(100)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.places)


        self.layout.addLayout(self.form)

        self.tie_break_box = QGroupBox(AwardSettingsDialog)
        self.tie_break_box.setObjectName(u"tie_break_box")
        self.tie_break_row = QHBoxLayout(self.tie_break_box)
        self.tie_break_row.setObjectName(u"tie_break_row")
        self.tie_break_list = QListWidget(self.tie_break_box)
        self.tie_break_list.setObjectName(u"tie_break_list")
        self.tie_break_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)

        self.tie_break_row.addWidget(self.tie_break_list)

        self.tie_break_buttons = QVBoxLayout()
        self.tie_break_buttons.setObjectName(u"tie_break_buttons")
        self.move_up = QPushButton(self.tie_break_box)
        self.move_up.setObjectName(u"move_up")

        self.tie_break_buttons.addWidget(self.move_up)

        self.move_down = QPushButton(self.tie_break_box)
        self.move_down.setObjectName(u"move_down")

        self.tie_break_buttons.addWidget(self.move_down)

        self.tie_break_gap = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.tie_break_buttons.addItem(self.tie_break_gap)


        self.tie_break_row.addLayout(self.tie_break_buttons)


        self.layout.addWidget(self.tie_break_box)

        self.thresholds_box = QGroupBox(AwardSettingsDialog)
        self.thresholds_box.setObjectName(u"thresholds_box")
        self.thresholds_form = QFormLayout(self.thresholds_box)
        self.thresholds_form.setObjectName(u"thresholds_form")

        self.layout.addWidget(self.thresholds_box)

        self.problem = QLabel(AwardSettingsDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(AwardSettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.method_label.setBuddy(self.method)
        self.places_label.setBuddy(self.places)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AwardSettingsDialog)
        self.buttons.accepted.connect(AwardSettingsDialog.accept)
        self.buttons.rejected.connect(AwardSettingsDialog.reject)

        QMetaObject.connectSlotsByName(AwardSettingsDialog)
    # setupUi

    def retranslateUi(self, AwardSettingsDialog):
        AwardSettingsDialog.setWindowTitle(QCoreApplication.translate("AwardSettingsDialog", u"Award settings", None))
        self.method_label.setText(QCoreApplication.translate("AwardSettingsDialog", u"Ranking &method:", None))
#if QT_CONFIG(accessibility)
        self.method.setAccessibleName(QCoreApplication.translate("AwardSettingsDialog", u"Ranking method", None))
#endif // QT_CONFIG(accessibility)
        self.places_label.setText(QCoreApplication.translate("AwardSettingsDialog", u"&Placements awarded:", None))
#if QT_CONFIG(accessibility)
        self.places.setAccessibleName(QCoreApplication.translate("AwardSettingsDialog", u"Number of placements", None))
#endif // QT_CONFIG(accessibility)
        self.tie_break_box.setTitle(QCoreApplication.translate("AwardSettingsDialog", u"&Tie-break order: ticked criteria, first decides", None))
#if QT_CONFIG(accessibility)
        self.tie_break_list.setAccessibleName(QCoreApplication.translate("AwardSettingsDialog", u"Tie-break criteria, in order", None))
#endif // QT_CONFIG(accessibility)
        self.move_up.setText(QCoreApplication.translate("AwardSettingsDialog", u"Move &up", None))
        self.move_down.setText(QCoreApplication.translate("AwardSettingsDialog", u"Move &down", None))
        self.thresholds_box.setTitle(QCoreApplication.translate("AwardSettingsDialog", u"Flag &thresholds (where judges disagree)", None))
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("AwardSettingsDialog", u"Why the settings were not saved", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

