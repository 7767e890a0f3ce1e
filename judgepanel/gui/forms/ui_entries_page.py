# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'entries_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLineEdit, QPushButton, QSizePolicy, QSplitter,
    QTableView, QTextBrowser, QVBoxLayout, QWidget)

from judgepanel.gui.pages.choosers import AwardChooser

class Ui_EntriesPage(object):
    def setupUi(self, EntriesPage):
        if not EntriesPage.objectName():
            EntriesPage.setObjectName(u"EntriesPage")
        EntriesPage.resize(800, 600)
        self.pageLayout = QVBoxLayout(EntriesPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.search = QLineEdit(EntriesPage)
        self.search.setObjectName(u"search")
        self.search.setClearButtonEnabled(True)

        self.bar.addWidget(self.search)

        self.award = AwardChooser(EntriesPage)
        self.award.setObjectName(u"award")

        self.bar.addWidget(self.award)

        self.import_button = QPushButton(EntriesPage)
        self.import_button.setObjectName(u"import_button")

        self.bar.addWidget(self.import_button)

        self.fields_button = QPushButton(EntriesPage)
        self.fields_button.setObjectName(u"fields_button")

        self.bar.addWidget(self.fields_button)

        self.purge_button = QPushButton(EntriesPage)
        self.purge_button.setObjectName(u"purge_button")

        self.bar.addWidget(self.purge_button)

        self.bar.setStretch(0, 2)
        self.bar.setStretch(1, 1)

        self.pageLayout.addLayout(self.bar)

        self.split = QSplitter(EntriesPage)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Orientation.Horizontal)
        self.table = QTableView(self.split)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.split.addWidget(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.detail = QTextBrowser(self.split)
        self.detail.setObjectName(u"detail")
        self.split.addWidget(self.detail)

        self.pageLayout.addWidget(self.split)

        self.pageLayout.setStretch(1, 1)

        self.retranslateUi(EntriesPage)

        QMetaObject.connectSlotsByName(EntriesPage)
    # setupUi

    def retranslateUi(self, EntriesPage):
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("EntriesPage", u"Search the entries", None))
#endif // QT_CONFIG(accessibility)
        self.search.setPlaceholderText(QCoreApplication.translate("EntriesPage", u"Filter by id, title, nominee or organisation\u2026", None))
#if QT_CONFIG(tooltip)
        self.import_button.setToolTip(QCoreApplication.translate("EntriesPage", u"Import entries from a CSV, Excel or JSON export", None))
#endif // QT_CONFIG(tooltip)
        self.import_button.setText(QCoreApplication.translate("EntriesPage", u"Import\u2026", None))
#if QT_CONFIG(tooltip)
        self.fields_button.setToolTip(QCoreApplication.translate("EntriesPage", u"Choose which of the award's fields go into judges' packs", None))
#endif // QT_CONFIG(tooltip)
        self.fields_button.setText(QCoreApplication.translate("EntriesPage", u"Fields judges see\u2026", None))
#if QT_CONFIG(tooltip)
        self.purge_button.setToolTip(QCoreApplication.translate("EntriesPage", u"Once the programme is over: remove nominees' personal data, keep the results", None))
#endif // QT_CONFIG(tooltip)
        self.purge_button.setText(QCoreApplication.translate("EntriesPage", u"Remove personal data\u2026", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("EntriesPage", u"Entries", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detail.setAccessibleName(QCoreApplication.translate("EntriesPage", u"The entry chosen", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

