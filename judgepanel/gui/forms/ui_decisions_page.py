# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'decisions_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDoubleSpinBox,
    QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTableView, QVBoxLayout,
    QWidget)

from judgepanel.gui.pages.choosers import AwardChooser

class Ui_DecisionsPage(object):
    def setupUi(self, DecisionsPage):
        if not DecisionsPage.objectName():
            DecisionsPage.setObjectName(u"DecisionsPage")
        DecisionsPage.resize(800, 600)
        self.pageLayout = QVBoxLayout(DecisionsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.award_label = QLabel(DecisionsPage)
        self.award_label.setObjectName(u"award_label")

        self.top.addWidget(self.award_label)

        self.award_combo = AwardChooser(DecisionsPage)
        self.award_combo.setObjectName(u"award_combo")

        self.top.addWidget(self.award_combo)

        self.topGap = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.top.addItem(self.topGap)

        self.who_label = QLabel(DecisionsPage)
        self.who_label.setObjectName(u"who_label")

        self.top.addWidget(self.who_label)

        self.who = QLineEdit(DecisionsPage)
        self.who.setObjectName(u"who")

        self.top.addWidget(self.who)

        self.top.setStretch(1, 2)
        self.top.setStretch(4, 1)

        self.pageLayout.addLayout(self.top)

        self.splitter = QSplitter(DecisionsPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.standing = QTableView(self.splitter)
        self.standing.setObjectName(u"standing")
        self.standing.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.standing.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.standing.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.standing.setWordWrap(False)
        self.splitter.addWidget(self.standing)
        self.standing.verticalHeader().setVisible(False)
        self.forms_panel = QWidget(self.splitter)
        self.forms_panel.setObjectName(u"forms_panel")
        self.column = QVBoxLayout(self.forms_panel)
        self.column.setObjectName(u"column")
        self.column.setContentsMargins(0, 0, 0, 0)
        self.entry_label = QLabel(self.forms_panel)
        self.entry_label.setObjectName(u"entry_label")
        font = QFont()
        font.setBold(True)
        self.entry_label.setFont(font)
        self.entry_label.setTextFormat(Qt.TextFormat.PlainText)
        self.entry_label.setWordWrap(True)

        self.column.addWidget(self.entry_label)

        self.placing = QGroupBox(self.forms_panel)
        self.placing.setObjectName(u"placing")
        self.placingForm = QFormLayout(self.placing)
        self.placingForm.setObjectName(u"placingForm")
        self.placement_label = QLabel(self.placing)
        self.placement_label.setObjectName(u"placement_label")

        self.placingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.placement_label)

        self.placement_combo = QComboBox(self.placing)
        self.placement_combo.setObjectName(u"placement_combo")

        self.placingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.placement_combo)

        self.placement_reason_label = QLabel(self.placing)
        self.placement_reason_label.setObjectName(u"placement_reason_label")

        self.placingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.placement_reason_label)

        self.placement_reason = QLineEdit(self.placing)
        self.placement_reason.setObjectName(u"placement_reason")

        self.placingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.placement_reason)

        self.placement_button = QPushButton(self.placing)
        self.placement_button.setObjectName(u"placement_button")

        self.placingForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.placement_button)

        self.placement_message = QLabel(self.placing)
        self.placement_message.setObjectName(u"placement_message")
        self.placement_message.setTextFormat(Qt.TextFormat.PlainText)
        self.placement_message.setWordWrap(True)

        self.placingForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.placement_message)


        self.column.addWidget(self.placing)

        self.moderating = QGroupBox(self.forms_panel)
        self.moderating.setObjectName(u"moderating")
        self.moderatingForm = QFormLayout(self.moderating)
        self.moderatingForm.setObjectName(u"moderatingForm")
        self.old_value_label = QLabel(self.moderating)
        self.old_value_label.setObjectName(u"old_value_label")

        self.moderatingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.old_value_label)

        self.old_value = QLabel(self.moderating)
        self.old_value.setObjectName(u"old_value")

        self.moderatingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.old_value)

        self.new_value_label = QLabel(self.moderating)
        self.new_value_label.setObjectName(u"new_value_label")

        self.moderatingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.new_value_label)

        self.new_value = QDoubleSpinBox(self.moderating)
        self.new_value.setObjectName(u"new_value")
        self.new_value.setDecimals(1)
        self.new_value.setMinimum(0.000000000000000)
        self.new_value.setMaximum(100.000000000000000)

        self.moderatingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.new_value)

        self.override_reason_label = QLabel(self.moderating)
        self.override_reason_label.setObjectName(u"override_reason_label")

        self.moderatingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.override_reason_label)

        self.override_reason = QLineEdit(self.moderating)
        self.override_reason.setObjectName(u"override_reason")

        self.moderatingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.override_reason)

        self.override_button = QPushButton(self.moderating)
        self.override_button.setObjectName(u"override_button")

        self.moderatingForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.override_button)

        self.override_message = QLabel(self.moderating)
        self.override_message.setObjectName(u"override_message")
        self.override_message.setTextFormat(Qt.TextFormat.PlainText)
        self.override_message.setWordWrap(True)

        self.moderatingForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.override_message)

        self.hint = QLabel(self.moderating)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.moderatingForm.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.hint)


        self.column.addWidget(self.moderating)

        self.columnStretch = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column.addItem(self.columnStretch)

        self.column.setStretch(3, 1)
        self.splitter.addWidget(self.forms_panel)

        self.pageLayout.addWidget(self.splitter)

        self.record_title = QLabel(DecisionsPage)
        self.record_title.setObjectName(u"record_title")

        self.pageLayout.addWidget(self.record_title)

        self.record = QTableView(DecisionsPage)
        self.record.setObjectName(u"record")
        self.record.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.record.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.record.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.record.setWordWrap(False)
        self.record.verticalHeader().setVisible(False)

        self.pageLayout.addWidget(self.record)

        self.pageLayout.setStretch(1, 3)
        self.pageLayout.setStretch(3, 2)
#if QT_CONFIG(shortcut)
        self.award_label.setBuddy(self.award_combo)
        self.who_label.setBuddy(self.who)
        self.placement_label.setBuddy(self.placement_combo)
        self.placement_reason_label.setBuddy(self.placement_reason)
        self.old_value_label.setBuddy(self.old_value)
        self.new_value_label.setBuddy(self.new_value)
        self.override_reason_label.setBuddy(self.override_reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DecisionsPage)

        QMetaObject.connectSlotsByName(DecisionsPage)
    # setupUi

    def retranslateUi(self, DecisionsPage):
        self.award_label.setText(QCoreApplication.translate("DecisionsPage", u"&Award:", None))
#if QT_CONFIG(accessibility)
        self.award_combo.setAccessibleName(QCoreApplication.translate("DecisionsPage", u"Award", None))
#endif // QT_CONFIG(accessibility)
        self.who_label.setText(QCoreApplication.translate("DecisionsPage", u"Recorded &by:", None))
#if QT_CONFIG(accessibility)
        self.who.setAccessibleName(QCoreApplication.translate("DecisionsPage", u"Recorded by", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.standing.setAccessibleName(QCoreApplication.translate("DecisionsPage", u"Computed rank and panel placement", None))
#endif // QT_CONFIG(accessibility)
        self.entry_label.setText("")
        self.placing.setTitle(QCoreApplication.translate("DecisionsPage", u"Placement", None))
        self.placement_label.setText(QCoreApplication.translate("DecisionsPage", u"Placement:", None))
        self.placement_reason_label.setText(QCoreApplication.translate("DecisionsPage", u"Reason:", None))
        self.placement_reason.setPlaceholderText(QCoreApplication.translate("DecisionsPage", u"Why the panel placed it so (required)", None))
        self.placement_button.setText(QCoreApplication.translate("DecisionsPage", u"Record &placement", None))
        self.placement_message.setText("")
        self.moderating.setTitle(QCoreApplication.translate("DecisionsPage", u"Moderated score", None))
        self.old_value_label.setText(QCoreApplication.translate("DecisionsPage", u"Current score:", None))
        self.old_value.setText("")
        self.new_value_label.setText(QCoreApplication.translate("DecisionsPage", u"New score:", None))
        self.new_value.setSuffix(QCoreApplication.translate("DecisionsPage", u" of 100", None))
        self.override_reason_label.setText(QCoreApplication.translate("DecisionsPage", u"Reason:", None))
        self.override_reason.setPlaceholderText(QCoreApplication.translate("DecisionsPage", u"Why the panel moderated the score (required)", None))
        self.override_button.setText(QCoreApplication.translate("DecisionsPage", u"Record &moderated score", None))
        self.override_message.setText("")
        self.hint.setText(QCoreApplication.translate("DecisionsPage", u"The judges' own scores stay as they were; the moderated score is recorded beside them and used for the ranking.", None))
        self.record_title.setText(QCoreApplication.translate("DecisionsPage", u"<b>The record</b>: every placement and moderated score, with its reason, who recorded it and when.", None))
#if QT_CONFIG(accessibility)
        self.record.setAccessibleName(QCoreApplication.translate("DecisionsPage", u"Decisions and overrides", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

