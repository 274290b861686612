#pragma once

#include <QStackedWidget>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace crucible::gui {

// A view's content, or in its place a one-line hint while there is nothing to show: on first
// start a blank chart (axes from 0 to 1) or an empty table tells a new user nothing, where a
// line saying what to do next does.
class EmptyState : public QStackedWidget {
    Q_OBJECT
public:
    EmptyState(QWidget* content, const QString& hint, QWidget* parent = nullptr);

    void setHint(const QString& hint);
    QString hint() const;
    void showHint();
    void showContent();
    bool showsHint() const;
    QLabel* hintLabel() const { return m_hint; }

private:
    QLabel* m_hint;
};

} // namespace crucible::gui
