# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rounds_dialog.ui'
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
    QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_RoundsDialog(object):
    def setupUi(self, RoundsDialog):
        if not RoundsDialog.objectName():
            RoundsDialog.setObjectName(u"RoundsDialog")
        RoundsDialog.resize(900, 720)
        self.layout = QVBoxLayout(RoundsDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(RoundsDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.rounds_table = QTableView(RoundsDialog)
        self.rounds_table.setObjectName(u"rounds_table")
        self.rounds_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rounds_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rounds_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rounds_table.verticalHeader().setVisible(False)

        self.layout.addWidget(self.rounds_table)

        self.roundButtons = QHBoxLayout()
        self.roundButtons.setObjectName(u"roundButtons")
        self.close_round_button = QPushButton(RoundsDialog)
        self.close_round_button.setObjectName(u"close_round_button")

        self.roundButtons.addWidget(self.close_round_button)

        self.roundSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.roundButtons.addItem(self.roundSpacer)


        self.layout.addLayout(self.roundButtons)

        self.tabs = QTabWidget(RoundsDialog)
        self.tabs.setObjectName(u"tabs")
        self.promote_tab = QWidget()
        self.promote_tab.setObjectName(u"promote_tab")
        self.promoteLayout = QVBoxLayout(self.promote_tab)
        self.promoteLayout.setObjectName(u"promoteLayout")
        self.promoteForm = QFormLayout()
        self.promoteForm.setObjectName(u"promoteForm")
        self.toRoundLabel = QLabel(self.promote_tab)
        self.toRoundLabel.setObjectName(u"toRoundLabel")

        self.promoteForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.toRoundLabel)

        self.to_round = QComboBox(self.promote_tab)
        self.to_round.setObjectName(u"to_round")

        self.promoteForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.to_round)

        self.fromLabel = QLabel(self.promote_tab)
        self.fromLabel.setObjectName(u"fromLabel")

        self.promoteForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fromLabel)

        self.from_round = QLabel(self.promote_tab)
        self.from_round.setObjectName(u"from_round")

        self.promoteForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.from_round)

        self.ruleLabel = QLabel(self.promote_tab)
        self.ruleLabel.setObjectName(u"ruleLabel")

        self.promoteForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ruleLabel)

        self.ruleRow = QHBoxLayout()
        self.ruleRow.setObjectName(u"ruleRow")
        self.by_top = QRadioButton(self.promote_tab)
        self.by_top.setObjectName(u"by_top")
        self.by_top.setChecked(True)

        self.ruleRow.addWidget(self.by_top)

        self.top = QSpinBox(self.promote_tab)
        self.top.setObjectName(u"top")
        self.top.setMinimum(1)
        self.top.setMaximum(9999)
        self.top.setValue(6)

        self.ruleRow.addWidget(self.top)

        self.by_score = QRadioButton(self.promote_tab)
        self.by_score.setObjectName(u"by_score")

        self.ruleRow.addWidget(self.by_score)

        self.min_score = QDoubleSpinBox(self.promote_tab)
        self.min_score.setObjectName(u"min_score")
        self.min_score.setDecimals(1)
        self.min_score.setMaximum(100.000000000000000)
        self.min_score.setValue(70.000000000000000)

        self.ruleRow.addWidget(self.min_score)

        self.by_choice = QRadioButton(self.promote_tab)
        self.by_choice.setObjectName(u"by_choice")

        self.ruleRow.addWidget(self.by_choice)

        self.by_rule = QRadioButton(self.promote_tab)
        self.by_rule.setObjectName(u"by_rule")

        self.ruleRow.addWidget(self.by_rule)

        self.ruleSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ruleRow.addItem(self.ruleSpacer)


        self.promoteForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.ruleRow)


        self.promoteLayout.addLayout(self.promoteForm)

        self.cutoff = QLabel(self.promote_tab)
        self.cutoff.setObjectName(u"cutoff")
        self.cutoff.setWordWrap(True)

        self.promoteLayout.addWidget(self.cutoff)

        self.ranking = QTableView(self.promote_tab)
        self.ranking.setObjectName(u"ranking")
        self.ranking.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ranking.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ranking.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ranking.verticalHeader().setVisible(False)

        self.promoteLayout.addWidget(self.ranking)

        self.reasonForm = QFormLayout()
        self.reasonForm.setObjectName(u"reasonForm")
        self.reasonLabel = QLabel(self.promote_tab)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.reasonForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QLineEdit(self.promote_tab)
        self.reason.setObjectName(u"reason")

        self.reasonForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason)

        self.whoLabel = QLabel(self.promote_tab)
        self.whoLabel.setObjectName(u"whoLabel")

        self.reasonForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.whoLabel)

        self.who = QLineEdit(self.promote_tab)
        self.who.setObjectName(u"who")

        self.reasonForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.who)


        self.promoteLayout.addLayout(self.reasonForm)

        self.promoteButtons = QHBoxLayout()
        self.promoteButtons.setObjectName(u"promoteButtons")
        self.promoteSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.promoteButtons.addItem(self.promoteSpacer)

        self.promote_button = QPushButton(self.promote_tab)
        self.promote_button.setObjectName(u"promote_button")

        self.promoteButtons.addWidget(self.promote_button)


        self.promoteLayout.addLayout(self.promoteButtons)

        self.tabs.addTab(self.promote_tab, "")
        self.add_tab = QWidget()
        self.add_tab.setObjectName(u"add_tab")
        self.addLayout = QVBoxLayout(self.add_tab)
        self.addLayout.setObjectName(u"addLayout")
        self.addForm = QFormLayout()
        self.addForm.setObjectName(u"addForm")
        self.idLabel = QLabel(self.add_tab)
        self.idLabel.setObjectName(u"idLabel")

        self.addForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.idLabel)

        self.round_id = QLineEdit(self.add_tab)
        self.round_id.setObjectName(u"round_id")

        self.addForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.round_id)

        self.nameLabel = QLabel(self.add_tab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.addForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.round_name = QLineEdit(self.add_tab)
        self.round_name.setObjectName(u"round_name")

        self.addForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.round_name)

        self.kindLabel = QLabel(self.add_tab)
        self.kindLabel.setObjectName(u"kindLabel")

        self.addForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(self.add_tab)
        self.kind.setObjectName(u"kind")

        self.addForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kind)

        self.sectionsLabel = QLabel(self.add_tab)
        self.sectionsLabel.setObjectName(u"sectionsLabel")

        self.addForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sectionsLabel)

        self.sectionsRow = QHBoxLayout()
        self.sectionsRow.setObjectName(u"sectionsRow")
        self.sections_file = QLineEdit(self.add_tab)
        self.sections_file.setObjectName(u"sections_file")

        self.sectionsRow.addWidget(self.sections_file)

        self.browse_button = QPushButton(self.add_tab)
        self.browse_button.setObjectName(u"browse_button")

        self.sectionsRow.addWidget(self.browse_button)


        self.addForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.sectionsRow)

        self.weightLabel = QLabel(self.add_tab)
        self.weightLabel.setObjectName(u"weightLabel")

        self.addForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.weightLabel)

        self.weight = QDoubleSpinBox(self.add_tab)
        self.weight.setObjectName(u"weight")
        self.weight.setDecimals(2)
        self.weight.setMaximum(100.000000000000000)

        self.addForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.weight)

        self.passRuleLabel = QLabel(self.add_tab)
        self.passRuleLabel.setObjectName(u"passRuleLabel")

        self.addForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.passRuleLabel)

        self.pass_rule = QComboBox(self.add_tab)
        self.pass_rule.setObjectName(u"pass_rule")
        self.pass_rule.setEditable(True)

        self.addForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.pass_rule)


        self.addLayout.addLayout(self.addForm)

        self.addButtons = QHBoxLayout()
        self.addButtons.setObjectName(u"addButtons")
        self.addSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addButtons.addItem(self.addSpacer)

        self.add_button = QPushButton(self.add_tab)
        self.add_button.setObjectName(u"add_button")

        self.addButtons.addWidget(self.add_button)


        self.addLayout.addLayout(self.addButtons)

        self.addFill = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.addLayout.addItem(self.addFill)

        self.tabs.addTab(self.add_tab, "")
        self.withdraw_tab = QWidget()
        self.withdraw_tab.setObjectName(u"withdraw_tab")
        self.withdrawLayout = QVBoxLayout(self.withdraw_tab)
        self.withdrawLayout.setObjectName(u"withdrawLayout")
        self.withdrawForm = QFormLayout()
        self.withdrawForm.setObjectName(u"withdrawForm")
        self.withdrawRoundLabel = QLabel(self.withdraw_tab)
        self.withdrawRoundLabel.setObjectName(u"withdrawRoundLabel")

        self.withdrawForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.withdrawRoundLabel)

        self.withdraw_round = QComboBox(self.withdraw_tab)
        self.withdraw_round.setObjectName(u"withdraw_round")

        self.withdrawForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.withdraw_round)

        self.withdrawEntryLabel = QLabel(self.withdraw_tab)
        self.withdrawEntryLabel.setObjectName(u"withdrawEntryLabel")

        self.withdrawForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.withdrawEntryLabel)

        self.withdraw_entry = QComboBox(self.withdraw_tab)
        self.withdraw_entry.setObjectName(u"withdraw_entry")

        self.withdrawForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.withdraw_entry)

        self.withdrawReasonLabel = QLabel(self.withdraw_tab)
        self.withdrawReasonLabel.setObjectName(u"withdrawReasonLabel")

        self.withdrawForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.withdrawReasonLabel)

        self.withdraw_reason = QLineEdit(self.withdraw_tab)
        self.withdraw_reason.setObjectName(u"withdraw_reason")

        self.withdrawForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.withdraw_reason)


        self.withdrawLayout.addLayout(self.withdrawForm)

        self.withdrawButtons = QHBoxLayout()
        self.withdrawButtons.setObjectName(u"withdrawButtons")
        self.withdrawSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.withdrawButtons.addItem(self.withdrawSpacer)

        self.withdraw_button = QPushButton(self.withdraw_tab)
        self.withdraw_button.setObjectName(u"withdraw_button")

        self.withdrawButtons.addWidget(self.withdraw_button)


        self.withdrawLayout.addLayout(self.withdrawButtons)

        self.withdrawFill = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.withdrawLayout.addItem(self.withdrawFill)

        self.tabs.addTab(self.withdraw_tab, "")

        self.layout.addWidget(self.tabs)

        self.message = QLabel(RoundsDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(RoundsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.toRoundLabel.setBuddy(self.to_round)
        self.reasonLabel.setBuddy(self.reason)
        self.whoLabel.setBuddy(self.who)
        self.idLabel.setBuddy(self.round_id)
        self.nameLabel.setBuddy(self.round_name)
        self.kindLabel.setBuddy(self.kind)
        self.sectionsLabel.setBuddy(self.sections_file)
        self.weightLabel.setBuddy(self.weight)
        self.passRuleLabel.setBuddy(self.pass_rule)
        self.withdrawRoundLabel.setBuddy(self.withdraw_round)
        self.withdrawEntryLabel.setBuddy(self.withdraw_entry)
        self.withdrawReasonLabel.setBuddy(self.withdraw_reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RoundsDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(RoundsDialog)
    # setupUi

    def retranslateUi(self, RoundsDialog):
        RoundsDialog.setWindowTitle(QCoreApplication.translate("RoundsDialog", u"Rounds", None))
        self.intro.setText(QCoreApplication.translate("RoundsDialog", u"The award's rounds in order; \u25b6 marks the current round (the first still open). Close a round when its judging is over: its packs are refused at merge from then on, and the next round's packs may go out.", None))
#if QT_CONFIG(accessibility)
        self.rounds_table.setAccessibleName(QCoreApplication.translate("RoundsDialog", u"The award's rounds", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.close_round_button.setToolTip(QCoreApplication.translate("RoundsDialog", u"Close the selected round (recorded; it cannot be opened again)", None))
#endif // QT_CONFIG(tooltip)
        self.close_round_button.setText(QCoreApplication.translate("RoundsDialog", u"C&lose the selected round\u2026", None))
        self.toRoundLabel.setText(QCoreApplication.translate("RoundsDialog", u"&Into round:", None))
#if QT_CONFIG(accessibility)
        self.to_round.setAccessibleName(QCoreApplication.translate("RoundsDialog", u"Promote into round", None))
#endif // QT_CONFIG(accessibility)
        self.fromLabel.setText(QCoreApplication.translate("RoundsDialog", u"From:", None))
        self.from_round.setText("")
        self.ruleLabel.setText(QCoreApplication.translate("RoundsDialog", u"Promote:", None))
        self.by_top.setText(QCoreApplication.translate("RoundsDialog", u"the &top", None))
#if QT_CONFIG(accessibility)
        self.top.setAccessibleName(QCoreApplication.translate("RoundsDialog", u"Number to promote", None))
#endif // QT_CONFIG(accessibility)
        self.by_score.setText(QCoreApplication.translate("RoundsDialog", u"every entry scoring at &least", None))
#if QT_CONFIG(accessibility)
        self.min_score.setAccessibleName(QCoreApplication.translate("RoundsDialog", u"Lowest score to promote", None))
#endif // QT_CONFIG(accessibility)
        self.by_choice.setText(QCoreApplication.translate("RoundsDialog", u"the &chair's choice (tick the entries)", None))
#if QT_CONFIG(tooltip)
        self.by_rule.setToolTip(QCoreApplication.translate("RoundsDialog", u"The rule of the qualifying round before: every judge, a majority, or at least N passes", None))
#endif // QT_CONFIG(tooltip)
        self.by_rule.setText(QCoreApplication.translate("RoundsDialog", u"the qualifying r&ule", None))
        self.cutoff.setText("")
#if QT_CONFIG(accessibility)
        self.ranking.setAccessibleName(QCoreApplication.translate("RoundsDialog", u"Ranking of the round before", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("RoundsDialog", u"&Reason:", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("RoundsDialog", u"Why these entries go through (recorded in the audit log)", None))
        self.whoLabel.setText(QCoreApplication.translate("RoundsDialog", u"&Decided by:", None))
        self.promote_button.setText(QCoreApplication.translate("RoundsDialog", u"Promote", None))
        self.tabs.setTabText(self.tabs.indexOf(self.promote_tab), QCoreApplication.translate("RoundsDialog", u"&Promote entries", None))
        self.idLabel.setText(QCoreApplication.translate("RoundsDialog", u"&Id:", None))
        self.round_id.setPlaceholderText(QCoreApplication.translate("RoundsDialog", u"final (lower-case letters, digits and hyphens)", None))
        self.nameLabel.setText(QCoreApplication.translate("RoundsDialog", u"&Name:", None))
        self.round_name.setPlaceholderText(QCoreApplication.translate("RoundsDialog", u"Final", None))
        self.kindLabel.setText(QCoreApplication.translate("RoundsDialog", u"&Kind:", None))
        self.sectionsLabel.setText(QCoreApplication.translate("RoundsDialog", u"&Sections file:", None))
        self.sections_file.setPlaceholderText(QCoreApplication.translate("RoundsDialog", u"optional: a TOML file of [[sections]] of the round's own", None))
        self.browse_button.setText(QCoreApplication.translate("RoundsDialog", u"Browse\u2026", None))
        self.weightLabel.setText(QCoreApplication.translate("RoundsDialog", u"&Weight:", None))
#if QT_CONFIG(tooltip)
        self.weight.setToolTip(QCoreApplication.translate("RoundsDialog", u"The round's weight in a final result combined from several rounds; none: the last round alone decides", None))
#endif // QT_CONFIG(tooltip)
        self.weight.setSpecialValueText(QCoreApplication.translate("RoundsDialog", u"none", None))
        self.passRuleLabel.setText(QCoreApplication.translate("RoundsDialog", u"&Pass rule:", None))
#if QT_CONFIG(tooltip)
        self.pass_rule.setToolTip(QCoreApplication.translate("RoundsDialog", u"A qualifying round's rule: every judge, a majority, or at least N passes (type a number)", None))
#endif // QT_CONFIG(tooltip)
        self.add_button.setText(QCoreApplication.translate("RoundsDialog", u"Add round", None))
        self.tabs.setTabText(self.tabs.indexOf(self.add_tab), QCoreApplication.translate("RoundsDialog", u"&Add a round", None))
        self.withdrawRoundLabel.setText(QCoreApplication.translate("RoundsDialog", u"R&ound:", None))
        self.withdrawEntryLabel.setText(QCoreApplication.translate("RoundsDialog", u"&Entry:", None))
        self.withdrawReasonLabel.setText(QCoreApplication.translate("RoundsDialog", u"Rea&son:", None))
        self.withdraw_reason.setPlaceholderText(QCoreApplication.translate("RoundsDialog", u"Why it leaves the round (recorded in the audit log)", None))
        self.withdraw_button.setText(QCoreApplication.translate("RoundsDialog", u"Withdraw", None))
        self.tabs.setTabText(self.tabs.indexOf(self.withdraw_tab), QCoreApplication.translate("RoundsDialog", u"&Withdraw an entry", None))
        self.message.setText("")
    # retranslateUi

