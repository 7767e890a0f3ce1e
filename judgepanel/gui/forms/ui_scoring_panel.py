# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scoring_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QListView, QPushButton, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget)

from judgepanel.gui.comment_box import CommentBox

class Ui_ScoringPanel(object):
    def setupUi(self, ScoringPanel):
        if not ScoringPanel.objectName():
            ScoringPanel.setObjectName(u"ScoringPanel")
        ScoringPanel.resize(480, 640)
        ScoringPanel.setStyleSheet(u"QFrame#sectionCard[current=\"true\"] { border: 2px solid palette(highlight); border-radius: 4px; }QLabel#scoringMessage { border-left: 4px solid palette(highlight); padding: 4px 8px; background: palette(alternate-base); }")
        self.outer = QVBoxLayout(ScoringPanel)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(4, 0, 0, 0)
        self.heading = QLabel(ScoringPanel)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.outer.addWidget(self.heading)

        self.sections_scroll = QScrollArea(ScoringPanel)
        self.sections_scroll.setObjectName(u"sections_scroll")
        self.sections_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sections_scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.body.setGeometry(QRect(0, 0, 476, 520))
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setObjectName(u"body_layout")
        self.body_layout.setContentsMargins(0, 0, 6, 0)
        self.tail = QWidget(self.body)
        self.tail.setObjectName(u"tail")
        self.tail_layout = QVBoxLayout(self.tail)
        self.tail_layout.setObjectName(u"tail_layout")
        self.tail_layout.setContentsMargins(0, 8, 0, 0)
        self.overall_label = QLabel(self.tail)
        self.overall_label.setObjectName(u"overall_label")

        self.tail_layout.addWidget(self.overall_label)

        self.overall = CommentBox(self.tail)
        self.overall.setObjectName(u"overall")

        self.tail_layout.addWidget(self.overall)

        self.tags_box = QWidget(self.tail)
        self.tags_box.setObjectName(u"tags_box")
        self.tags_layout = QVBoxLayout(self.tags_box)
        self.tags_layout.setObjectName(u"tags_layout")
        self.tags_layout.setContentsMargins(0, 4, 0, 0)
        self.tags_label = QLabel(self.tags_box)
        self.tags_label.setObjectName(u"tags_label")

        self.tags_layout.addWidget(self.tags_label)

        self.tag_filter = QLineEdit(self.tags_box)
        self.tag_filter.setObjectName(u"tag_filter")
        self.tag_filter.setClearButtonEnabled(True)

        self.tags_layout.addWidget(self.tag_filter)

        self.tag_view = QListView(self.tags_box)
        self.tag_view.setObjectName(u"tag_view")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.tag_view.sizePolicy().hasHeightForWidth())
        self.tag_view.setSizePolicy(sizePolicy)
        self.tag_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tag_view.setWordWrap(True)

        self.tags_layout.addWidget(self.tag_view)


        self.tail_layout.addWidget(self.tags_box)


        self.body_layout.addWidget(self.tail)

        self.sections_scroll.setWidget(self.body)

        self.outer.addWidget(self.sections_scroll)

        self.scoringMessage = QLabel(ScoringPanel)
        self.scoringMessage.setObjectName(u"scoringMessage")
        self.scoringMessage.setWordWrap(True)

        self.outer.addWidget(self.scoringMessage)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.complete_button = QPushButton(ScoringPanel)
        self.complete_button.setObjectName(u"complete_button")

        self.buttons.addWidget(self.complete_button)

        self.conflict_button = QPushButton(ScoringPanel)
        self.conflict_button.setObjectName(u"conflict_button")

        self.buttons.addWidget(self.conflict_button)


        self.outer.addLayout(self.buttons)

        self.outer.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.overall_label.setBuddy(self.overall)
        self.tags_label.setBuddy(self.tag_filter)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScoringPanel)

        QMetaObject.connectSlotsByName(ScoringPanel)
    # setupUi

    def retranslateUi(self, ScoringPanel):
#if QT_CONFIG(accessibility)
        ScoringPanel.setAccessibleName(QCoreApplication.translate("ScoringPanel", u"Scoring panel", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.heading.setAccessibleName(QCoreApplication.translate("ScoringPanel", u"Entry being scored", None))
#endif // QT_CONFIG(accessibility)
        self.heading.setText("")
#if QT_CONFIG(accessibility)
        self.sections_scroll.setAccessibleName(QCoreApplication.translate("ScoringPanel", u"Sections to score", None))
#endif // QT_CONFIG(accessibility)
        self.overall_label.setText(QCoreApplication.translate("ScoringPanel", u"&Overall comment (Shift+F2):", None))
#if QT_CONFIG(accessibility)
        self.overall.setAccessibleName(QCoreApplication.translate("ScoringPanel", u"Overall comment on this entry", None))
#endif // QT_CONFIG(accessibility)
        self.overall.setPlaceholderText(QCoreApplication.translate("ScoringPanel", u"What stood out, and what the panel should know", None))
        self.tags_label.setText(QCoreApplication.translate("ScoringPanel", u"&Evidence of the Systems Leadership framework:", None))
#if QT_CONFIG(accessibility)
        self.tag_filter.setAccessibleName(QCoreApplication.translate("ScoringPanel", u"Filter the framework behaviours", None))
#endif // QT_CONFIG(accessibility)
        self.tag_filter.setPlaceholderText(QCoreApplication.translate("ScoringPanel", u"Filter the behaviours", None))
#if QT_CONFIG(accessibility)
        self.tag_view.setAccessibleName(QCoreApplication.translate("ScoringPanel", u"Framework behaviours evidenced by this entry", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.scoringMessage.setAccessibleName(QCoreApplication.translate("ScoringPanel", u"Scoring message", None))
#endif // QT_CONFIG(accessibility)
        self.scoringMessage.setText("")
#if QT_CONFIG(accessibility)
        self.complete_button.setAccessibleName(QCoreApplication.translate("ScoringPanel", u"Mark this entry complete", None))
#endif // QT_CONFIG(accessibility)
        self.complete_button.setText(QCoreApplication.translate("ScoringPanel", u"Mark &complete (Ctrl+Enter)", None))
#if QT_CONFIG(accessibility)
        self.conflict_button.setAccessibleName(QCoreApplication.translate("ScoringPanel", u"Declare a conflict of interest", None))
#endif // QT_CONFIG(accessibility)
        self.conflict_button.setText(QCoreApplication.translate("ScoringPanel", u"Declare a con&flict\u2026", None))
    # retranslateUi

