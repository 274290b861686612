#include "ChartHost.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QStackedLayout>

namespace crucible::charts {

ChartHost::ChartHost(QWidget* parent) : QWidget(parent), m_view(new QChartView(this)), m_message(new QLabel(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setEnabled(false); // greyed: it is a hint, not data
    auto* layout = new QStackedLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_view);
    showMessage(QString());
}

ChartHost::~ChartHost() = default;

void ChartHost::setChart(std::unique_ptr<QChart> chart)
{
    QChart* old = m_view->chart();
    m_view->setChart(chart.release()); // the view owns its chart
    if (old && old != m_view->chart())
        delete old;
    static_cast<QStackedLayout*>(layout())->setCurrentWidget(m_view);
}

void ChartHost::showMessage(const QString& text)
{
    m_message->setText(text);
    static_cast<QStackedLayout*>(layout())->setCurrentWidget(m_message);
}

QChart* ChartHost::chart() const
{
    return m_view->chart();
}

} // namespace crucible::charts
