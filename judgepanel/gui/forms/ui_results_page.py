# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'results_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSplitter,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

from judgepanel.gui.bias_chart import BiasChart
from judgepanel.gui.pages.choosers import (AwardChooser, RoundChooser)
from judgepanel.gui.score_matrix import ScoreMatrix

class Ui_ResultsPage(object):
    def setupUi(self, ResultsPage):
        if not ResultsPage.objectName():
            ResultsPage.setObjectName(u"ResultsPage")
        ResultsPage.resize(800, 600)
        self.pageLayout = QVBoxLayout(ResultsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.controls = QHBoxLayout()
        self.controls.setObjectName(u"controls")
        self.award_label = QLabel(ResultsPage)
        self.award_label.setObjectName(u"award_label")

        self.controls.addWidget(self.award_label)

        self.award_combo = AwardChooser(ResultsPage)
        self.award_combo.setObjectName(u"award_combo")

        self.controls.addWidget(self.award_combo)

        self.round_label = QLabel(ResultsPage)
        self.round_label.setObjectName(u"round_label")

        self.controls.addWidget(self.round_label)

        self.round_combo = RoundChooser(ResultsPage)
        self.round_combo.setObjectName(u"round_combo")

        self.controls.addWidget(self.round_combo)

        self.controlsGap = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.controls.addItem(self.controlsGap)

        self.method_label = QLabel(ResultsPage)
        self.method_label.setObjectName(u"method_label")

        self.controls.addWidget(self.method_label)

        self.method_combo = QComboBox(ResultsPage)
        self.method_combo.setObjectName(u"method_combo")

        self.controls.addWidget(self.method_combo)

        self.rounds_button = QPushButton(ResultsPage)
        self.rounds_button.setObjectName(u"rounds_button")

        self.controls.addWidget(self.rounds_button)

        self.controls.setStretch(1, 2)
        self.controls.setStretch(6, 1)

        self.pageLayout.addLayout(self.controls)

        self.note = QLabel(ResultsPage)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.note)

        self.tabs = QTabWidget(ResultsPage)
        self.tabs.setObjectName(u"tabs")
        self.ranking_tab = QWidget()
        self.ranking_tab.setObjectName(u"ranking_tab")
        self.rankingLayout = QVBoxLayout(self.ranking_tab)
        self.rankingLayout.setObjectName(u"rankingLayout")
        self.rankingLayout.setContentsMargins(0, 0, 0, 0)
        self.ranking_splitter = QSplitter(self.ranking_tab)
        self.ranking_splitter.setObjectName(u"ranking_splitter")
        self.ranking_splitter.setOrientation(Qt.Orientation.Vertical)
        self.table = QTableView(self.ranking_splitter)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ranking_splitter.addWidget(self.table)
        self.table.verticalHeader().setVisible(False)

        self.rankingLayout.addWidget(self.ranking_splitter)

        self.tabs.addTab(self.ranking_tab, "")
        self.matrix_tab = QWidget()
        self.matrix_tab.setObjectName(u"matrix_tab")
        self.matrixLayout = QVBoxLayout(self.matrix_tab)
        self.matrixLayout.setObjectName(u"matrixLayout")
        self.legend = QLabel(self.matrix_tab)
        self.legend.setObjectName(u"legend")
        self.legend.setWordWrap(True)

        self.matrixLayout.addWidget(self.legend)

        self.matrix = ScoreMatrix(self.matrix_tab)
        self.matrix.setObjectName(u"matrix")

        self.matrixLayout.addWidget(self.matrix)

        self.matrixLayout.setStretch(1, 1)
        self.tabs.addTab(self.matrix_tab, "")
        self.reliability_tab = QWidget()
        self.reliability_tab.setObjectName(u"reliability_tab")
        self.reliabilityLayout = QVBoxLayout(self.reliability_tab)
        self.reliabilityLayout.setObjectName(u"reliabilityLayout")
        self.reading = QLabel(self.reliability_tab)
        self.reading.setObjectName(u"reading")
        self.reading.setWordWrap(True)

        self.reliabilityLayout.addWidget(self.reading)

        self.figuresForm = QFormLayout()
        self.figuresForm.setObjectName(u"figuresForm")
        self.alpha_label = QLabel(self.reliability_tab)
        self.alpha_label.setObjectName(u"alpha_label")

        self.figuresForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.alpha_label)

        self.figure_alpha = QLabel(self.reliability_tab)
        self.figure_alpha.setObjectName(u"figure_alpha")
        self.figure_alpha.setWordWrap(True)

        self.figuresForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.figure_alpha)

        self.icc_label = QLabel(self.reliability_tab)
        self.icc_label.setObjectName(u"icc_label")

        self.figuresForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.icc_label)

        self.figure_icc = QLabel(self.reliability_tab)
        self.figure_icc.setObjectName(u"figure_icc")
        self.figure_icc.setWordWrap(True)

        self.figuresForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.figure_icc)

        self.kendall_label = QLabel(self.reliability_tab)
        self.kendall_label.setObjectName(u"kendall_label")

        self.figuresForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kendall_label)

        self.figure_kendall = QLabel(self.reliability_tab)
        self.figure_kendall.setObjectName(u"figure_kendall")
        self.figure_kendall.setWordWrap(True)

        self.figuresForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.figure_kendall)

        self.connected_label = QLabel(self.reliability_tab)
        self.connected_label.setObjectName(u"connected_label")

        self.figuresForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.connected_label)

        self.figure_connected = QLabel(self.reliability_tab)
        self.figure_connected.setObjectName(u"figure_connected")
        self.figure_connected.setWordWrap(True)

        self.figuresForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.figure_connected)

        self.counts_label = QLabel(self.reliability_tab)
        self.counts_label.setObjectName(u"counts_label")

        self.figuresForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.counts_label)

        self.figure_counts = QLabel(self.reliability_tab)
        self.figure_counts.setObjectName(u"figure_counts")
        self.figure_counts.setWordWrap(True)

        self.figuresForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.figure_counts)


        self.reliabilityLayout.addLayout(self.figuresForm)

        self.bias_title = QLabel(self.reliability_tab)
        self.bias_title.setObjectName(u"bias_title")
        self.bias_title.setWordWrap(True)

        self.reliabilityLayout.addWidget(self.bias_title)

        self.bias_scroll = QScrollArea(self.reliability_tab)
        self.bias_scroll.setObjectName(u"bias_scroll")
        self.bias_scroll.setWidgetResizable(True)
        self.bias_chart = BiasChart()
        self.bias_chart.setObjectName(u"bias_chart")
        self.bias_chart.setGeometry(QRect(0, 0, 760, 300))
        self.bias_scroll.setWidget(self.bias_chart)

        self.reliabilityLayout.addWidget(self.bias_scroll)

        self.reliabilityLayout.setStretch(3, 1)
        self.tabs.addTab(self.reliability_tab, "")
        self.sensitivity_tab = QWidget()
        self.sensitivity_tab.setObjectName(u"sensitivity_tab")
        self.sensitivityLayout = QVBoxLayout(self.sensitivity_tab)
        self.sensitivityLayout.setObjectName(u"sensitivityLayout")
        self.sensitivity_line = QLabel(self.sensitivity_tab)
        self.sensitivity_line.setObjectName(u"sensitivity_line")
        self.sensitivity_line.setWordWrap(True)

        self.sensitivityLayout.addWidget(self.sensitivity_line)

        self.sensitivity_table = QTableView(self.sensitivity_tab)
        self.sensitivity_table.setObjectName(u"sensitivity_table")
        self.sensitivity_table.verticalHeader().setVisible(False)

        self.sensitivityLayout.addWidget(self.sensitivity_table)

        self.sensitivityLayout.setStretch(1, 1)
        self.tabs.addTab(self.sensitivity_tab, "")

        self.pageLayout.addWidget(self.tabs)

        self.pageLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.award_label.setBuddy(self.award_combo)
        self.round_label.setBuddy(self.round_combo)
        self.method_label.setBuddy(self.method_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ResultsPage)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ResultsPage)
    # setupUi

    def retranslateUi(self, ResultsPage):
        self.award_label.setText(QCoreApplication.translate("ResultsPage", u"&Award:", None))
#if QT_CONFIG(accessibility)
        self.award_combo.setAccessibleName(QCoreApplication.translate("ResultsPage", u"Award", None))
#endif // QT_CONFIG(accessibility)
        self.round_label.setText(QCoreApplication.translate("ResultsPage", u"R&ound:", None))
#if QT_CONFIG(accessibility)
        self.round_combo.setAccessibleName(QCoreApplication.translate("ResultsPage", u"Round", None))
#endif // QT_CONFIG(accessibility)
        self.method_label.setText(QCoreApplication.translate("ResultsPage", u"&Method:", None))
#if QT_CONFIG(accessibility)
        self.method_combo.setAccessibleName(QCoreApplication.translate("ResultsPage", u"Ranking method", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.rounds_button.setToolTip(QCoreApplication.translate("ResultsPage", u"Add, close and promote into the award's rounds (a shortlist, then a final)", None))
#endif // QT_CONFIG(tooltip)
        self.rounds_button.setText(QCoreApplication.translate("ResultsPage", u"Ro&unds\u2026", None))
        self.note.setText("")
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("ResultsPage", u"Ranked entries", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.ranking_tab), QCoreApplication.translate("ResultsPage", u"&Ranking", None))
        self.legend.setText(QCoreApplication.translate("ResultsPage", u"Each cell is a judge's total out of 100, darker for higher. \u2691 marks a flag (hover for what it says); \u201cconflict\u201d means the judge declared a conflict of interest and their scores do not count. Double-click a cell to read the entry's scores and comments.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.matrix_tab), QCoreApplication.translate("ResultsPage", u"Score &matrix", None))
        self.reading.setText("")
        self.alpha_label.setText(QCoreApplication.translate("ResultsPage", u"Krippendorff's \u03b1 (interval, all scores):", None))
        self.figure_alpha.setText("")
        self.icc_label.setText(QCoreApplication.translate("ResultsPage", u"ICC (entries every judge scored):", None))
        self.figure_icc.setText("")
        self.kendall_label.setText(QCoreApplication.translate("ResultsPage", u"Kendall's W:", None))
        self.figure_kendall.setText("")
        self.connected_label.setText(QCoreApplication.translate("ResultsPage", u"Judge\u2013entry design:", None))
        self.figure_connected.setText("")
        self.counts_label.setText(QCoreApplication.translate("ResultsPage", u"Scores counted:", None))
        self.figure_counts.setText("")
        self.bias_title.setText(QCoreApplication.translate("ResultsPage", u"<b>Judge bias</b>: how many points above (lenient) or below (harsh) the panel each judge marks, from the bias model.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.reliability_tab), QCoreApplication.translate("ResultsPage", u"Re&liability", None))
        self.sensitivity_line.setText("")
#if QT_CONFIG(accessibility)
        self.sensitivity_table.setAccessibleName(QCoreApplication.translate("ResultsPage", u"Rank under each method", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.sensitivity_tab), QCoreApplication.translate("ResultsPage", u"&Sensitivity", None))
        pass
    # retranslateUi

