# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'tie_break_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_TieBreakDialog(object):
    def setupUi(self, TieBreakDialog):
        if not TieBreakDialog.objectName():
            TieBreakDialog.setObjectName(u"TieBreakDialog")
        TieBreakDialog.resize(560, 340)
        self.layout = QVBoxLayout(TieBreakDialog)
        self.layout.setObjectName(u"layout")
        self.explanation = QLabel(TieBreakDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.layout.addWidget(self.explanation)

        self.entries_row = QHBoxLayout()
        self.entries_row.setObjectName(u"entries_row")
        self.entries_list = QListWidget(TieBreakDialog)
        self.entries_list.setObjectName(u"entries_list")
        self.entries_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)

        self.entries_row.addWidget(self.entries_list)

        self.entries_buttons = QVBoxLayout()
        self.entries_buttons.setObjectName(u"entries_buttons")
        self.move_up = QPushButton(TieBreakDialog)
        self.move_up.setObjectName(u"move_up")

        self.entries_buttons.addWidget(self.move_up)

        self.move_down = QPushButton(TieBreakDialog)
        self.move_down.setObjectName(u"move_down")

        self.entries_buttons.addWidget(self.move_down)

        self.entries_gap = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.entries_buttons.addItem(self.entries_gap)


        self.entries_row.addLayout(self.entries_buttons)


        self.layout.addLayout(self.entries_row)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.reason_label = QLabel(TieBreakDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason = QLineEdit(TieBreakDialog)
        self.reason.setObjectName(u"reason")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason)


        self.layout.addLayout(self.form)

        self.problem = QLabel(TieBreakDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(TieBreakDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TieBreakDialog)
        self.buttons.accepted.connect(TieBreakDialog.accept)
        self.buttons.rejected.connect(TieBreakDialog.reject)

        QMetaObject.connectSlotsByName(TieBreakDialog)
    # setupUi

    def retranslateUi(self, TieBreakDialog):
        TieBreakDialog.setWindowTitle(QCoreApplication.translate("TieBreakDialog", u"Record a tie-break vote", None))
        self.explanation.setText(QCoreApplication.translate("TieBreakDialog", u"Tick the tied entries and put them in the order the panel voted, best first.", None))
#if QT_CONFIG(accessibility)
        self.entries_list.setAccessibleName(QCoreApplication.translate("TieBreakDialog", u"Tied entries, best first", None))
#endif // QT_CONFIG(accessibility)
        self.move_up.setText(QCoreApplication.translate("TieBreakDialog", u"Move &up", None))
        self.move_down.setText(QCoreApplication.translate("TieBreakDialog", u"Move &down", None))
        self.reason_label.setText(QCoreApplication.translate("TieBreakDialog", u"&How it was decided:", None))
#if QT_CONFIG(accessibility)
        self.reason.setAccessibleName(QCoreApplication.translate("TieBreakDialog", u"How the panel decided", None))
#endif // QT_CONFIG(accessibility)
        self.reason.setPlaceholderText(QCoreApplication.translate("TieBreakDialog", u"e.g. a show of hands, 4 to 1", None))
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("TieBreakDialog", u"Why the vote was not recorded", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

