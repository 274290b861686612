#pragma once

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLabel;
QT_END_NAMESPACE

namespace crucible::charts {

// A widget that shows one chart made by a builder, or a line of text when there is nothing to
// draw. The windows hold charts only through it, so Qt Charts stays inside gui/charts.
class ChartHost : public QWidget {
    Q_OBJECT
public:
    explicit ChartHost(QWidget* parent = nullptr);
    ~ChartHost() override;

    void setChart(std::unique_ptr<QChart> chart);
    void showMessage(const QString& text);
    QChart* chart() const;

private:
    QChartView* m_view;
    QLabel* m_message;
};

} // namespace crucible::charts
