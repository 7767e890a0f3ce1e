# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'panel_room.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from judgepanel.gui.comment_box import CommentBox

class Ui_PanelRoom(object):
    def setupUi(self, PanelRoom):
        if not PanelRoom.objectName():
            PanelRoom.setObjectName(u"PanelRoom")
        PanelRoom.resize(1100, 720)
        self.layout = QVBoxLayout(PanelRoom)
        self.layout.setObjectName(u"layout")
        self.chooserRow = QHBoxLayout()
        self.chooserRow.setObjectName(u"chooserRow")
        self.awardLabel = QLabel(PanelRoom)
        self.awardLabel.setObjectName(u"awardLabel")

        self.chooserRow.addWidget(self.awardLabel)

        self.award_combo = QComboBox(PanelRoom)
        self.award_combo.setObjectName(u"award_combo")

        self.chooserRow.addWidget(self.award_combo)

        self.roundLabel = QLabel(PanelRoom)
        self.roundLabel.setObjectName(u"roundLabel")

        self.chooserRow.addWidget(self.roundLabel)

        self.round_combo = QComboBox(PanelRoom)
        self.round_combo.setObjectName(u"round_combo")

        self.chooserRow.addWidget(self.round_combo)

        self.chooserGap = QSpacerItem(20, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chooserRow.addItem(self.chooserGap)

        self.timer_label = QLabel(PanelRoom)
        self.timer_label.setObjectName(u"timer_label")

        self.chooserRow.addWidget(self.timer_label)


        self.layout.addLayout(self.chooserRow)

        self.message = QLabel(PanelRoom)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.entryColumn = QVBoxLayout()
        self.entryColumn.setObjectName(u"entryColumn")
        self.position_label = QLabel(PanelRoom)
        self.position_label.setObjectName(u"position_label")

        self.entryColumn.addWidget(self.position_label)

        self.entry_title = QLabel(PanelRoom)
        self.entry_title.setObjectName(u"entry_title")
        self.entry_title.setWordWrap(True)

        self.entryColumn.addWidget(self.entry_title)

        self.entry_details = QLabel(PanelRoom)
        self.entry_details.setObjectName(u"entry_details")
        self.entry_details.setWordWrap(True)

        self.entryColumn.addWidget(self.entry_details)

        self.earlier_group = QGroupBox(PanelRoom)
        self.earlier_group.setObjectName(u"earlier_group")
        self.earlierLayout = QVBoxLayout(self.earlier_group)
        self.earlierLayout.setObjectName(u"earlierLayout")
        self.earlier_table = QTableWidget(self.earlier_group)
        self.earlier_table.setObjectName(u"earlier_table")
        self.earlier_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.earlier_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.earlier_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.earlierLayout.addWidget(self.earlier_table)


        self.entryColumn.addWidget(self.earlier_group)

        self.round_group = QGroupBox(PanelRoom)
        self.round_group.setObjectName(u"round_group")
        self.roundLayout = QVBoxLayout(self.round_group)
        self.roundLayout.setObjectName(u"roundLayout")
        self.round_table = QTableWidget(self.round_group)
        self.round_table.setObjectName(u"round_table")
        self.round_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.round_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.round_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.round_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.roundLayout.addWidget(self.round_table)


        self.entryColumn.addWidget(self.round_group)


        self.body.addLayout(self.entryColumn)

        self.scores_group = QGroupBox(PanelRoom)
        self.scores_group.setObjectName(u"scores_group")
        self.scoresLayout = QVBoxLayout(self.scores_group)
        self.scoresLayout.setObjectName(u"scoresLayout")
        self.scores_form = QFormLayout()
        self.scores_form.setObjectName(u"scores_form")
        self.scores_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)

        self.scoresLayout.addLayout(self.scores_form)

        self.total_label = QLabel(self.scores_group)
        self.total_label.setObjectName(u"total_label")

        self.scoresLayout.addWidget(self.total_label)

        self.noteLabel = QLabel(self.scores_group)
        self.noteLabel.setObjectName(u"noteLabel")

        self.scoresLayout.addWidget(self.noteLabel)

        self.note = CommentBox(self.scores_group)
        self.note.setObjectName(u"note")

        self.scoresLayout.addWidget(self.note)


        self.body.addWidget(self.scores_group)

        self.body.setStretch(0, 3)
        self.body.setStretch(1, 2)

        self.layout.addLayout(self.body)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.previous_button = QPushButton(PanelRoom)
        self.previous_button.setObjectName(u"previous_button")

        self.buttonRow.addWidget(self.previous_button)

        self.next_button = QPushButton(PanelRoom)
        self.next_button.setObjectName(u"next_button")

        self.buttonRow.addWidget(self.next_button)

        self.buttonGap = QSpacerItem(20, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonGap)

        self.screenLabel = QLabel(PanelRoom)
        self.screenLabel.setObjectName(u"screenLabel")

        self.buttonRow.addWidget(self.screenLabel)

        self.screen_combo = QComboBox(PanelRoom)
        self.screen_combo.setObjectName(u"screen_combo")

        self.buttonRow.addWidget(self.screen_combo)

        self.show_judges = QCheckBox(PanelRoom)
        self.show_judges.setObjectName(u"show_judges")

        self.buttonRow.addWidget(self.show_judges)

        self.present_button = QPushButton(PanelRoom)
        self.present_button.setObjectName(u"present_button")

        self.buttonRow.addWidget(self.present_button)


        self.layout.addLayout(self.buttonRow)

        self.saved_label = QLabel(PanelRoom)
        self.saved_label.setObjectName(u"saved_label")

        self.layout.addWidget(self.saved_label)

#if QT_CONFIG(shortcut)
        self.awardLabel.setBuddy(self.award_combo)
        self.roundLabel.setBuddy(self.round_combo)
        self.noteLabel.setBuddy(self.note)
        self.screenLabel.setBuddy(self.screen_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PanelRoom)

        QMetaObject.connectSlotsByName(PanelRoom)
    # setupUi

    def retranslateUi(self, PanelRoom):
        PanelRoom.setWindowTitle(QCoreApplication.translate("PanelRoom", u"Panel room", None))
        self.awardLabel.setText(QCoreApplication.translate("PanelRoom", u"&Award", None))
#if QT_CONFIG(accessibility)
        self.award_combo.setAccessibleName(QCoreApplication.translate("PanelRoom", u"Award", None))
#endif // QT_CONFIG(accessibility)
        self.roundLabel.setText(QCoreApplication.translate("PanelRoom", u"&Round", None))
#if QT_CONFIG(accessibility)
        self.round_combo.setAccessibleName(QCoreApplication.translate("PanelRoom", u"Consensus round", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.timer_label.setAccessibleName(QCoreApplication.translate("PanelRoom", u"Time spent on this entry", None))
#endif // QT_CONFIG(accessibility)
        self.timer_label.setText(QCoreApplication.translate("PanelRoom", u"0:00", None))
#if QT_CONFIG(accessibility)
        self.message.setAccessibleName(QCoreApplication.translate("PanelRoom", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.message.setText("")
        self.position_label.setText("")
#if QT_CONFIG(accessibility)
        self.entry_title.setAccessibleName(QCoreApplication.translate("PanelRoom", u"Entry", None))
#endif // QT_CONFIG(accessibility)
        self.entry_title.setText("")
        self.entry_details.setText("")
        self.earlier_group.setTitle(QCoreApplication.translate("PanelRoom", u"Earlier rounds", None))
#if QT_CONFIG(accessibility)
        self.earlier_table.setAccessibleName(QCoreApplication.translate("PanelRoom", u"The entry in earlier rounds", None))
#endif // QT_CONFIG(accessibility)
        self.round_group.setTitle(QCoreApplication.translate("PanelRoom", u"This round so far", None))
#if QT_CONFIG(accessibility)
        self.round_table.setAccessibleName(QCoreApplication.translate("PanelRoom", u"The entries of this round and their agreed totals", None))
#endif // QT_CONFIG(accessibility)
        self.scores_group.setTitle(QCoreApplication.translate("PanelRoom", u"Agreed scores", None))
#if QT_CONFIG(accessibility)
        self.total_label.setAccessibleName(QCoreApplication.translate("PanelRoom", u"Agreed total", None))
#endif // QT_CONFIG(accessibility)
        self.total_label.setText("")
        self.noteLabel.setText(QCoreApplication.translate("PanelRoom", u"The panel's &note", None))
#if QT_CONFIG(accessibility)
        self.note.setAccessibleName(QCoreApplication.translate("PanelRoom", u"The panel's note", None))
#endif // QT_CONFIG(accessibility)
        self.previous_button.setText(QCoreApplication.translate("PanelRoom", u"Previous entry (Page Up)", None))
        self.next_button.setText(QCoreApplication.translate("PanelRoom", u"Next entry (Page Down)", None))
        self.screenLabel.setText(QCoreApplication.translate("PanelRoom", u"Pro&jector screen", None))
#if QT_CONFIG(accessibility)
        self.screen_combo.setAccessibleName(QCoreApplication.translate("PanelRoom", u"Projector screen", None))
#endif // QT_CONFIG(accessibility)
        self.show_judges.setText(QCoreApplication.translate("PanelRoom", u"Show &judges' scores", None))
        self.present_button.setText(QCoreApplication.translate("PanelRoom", u"&Present", None))
#if QT_CONFIG(accessibility)
        self.saved_label.setAccessibleName(QCoreApplication.translate("PanelRoom", u"Saving", None))
#endif // QT_CONFIG(accessibility)
        self.saved_label.setText("")
    # retranslateUi

