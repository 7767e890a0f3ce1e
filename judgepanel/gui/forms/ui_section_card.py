# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'section_card.ui'
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
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from judgepanel.gui.comment_box import CommentBox

class Ui_SectionCard(object):
    def setupUi(self, sectionCard):
        if not sectionCard.objectName():
            sectionCard.setObjectName(u"sectionCard")
        sectionCard.resize(440, 180)
        sectionCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout = QVBoxLayout(sectionCard)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(10, 8, 10, 8)
        self.title = QLabel(sectionCard)
        self.title.setObjectName(u"title")
        self.title.setWordWrap(True)

        self.layout.addWidget(self.title)

        self.scoreRow = QHBoxLayout()
        self.scoreRow.setObjectName(u"scoreRow")
        self.score_label = QLabel(sectionCard)
        self.score_label.setObjectName(u"score_label")

        self.scoreRow.addWidget(self.score_label)

        self.scoreRowStretch = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.scoreRow.addItem(self.scoreRowStretch)

        self.scoreRow.setStretch(1, 1)

        self.layout.addLayout(self.scoreRow)

        self.comment = CommentBox(sectionCard)
        self.comment.setObjectName(u"comment")

        self.layout.addWidget(self.comment)


        self.retranslateUi(sectionCard)

        QMetaObject.connectSlotsByName(sectionCard)
    # setupUi

    def retranslateUi(self, sectionCard):
        self.title.setText("")
        self.score_label.setText(QCoreApplication.translate("SectionCard", u"&Score:", None))
        pass
    # retranslateUi

