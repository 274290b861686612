#include "ChartPainter.h"

#include <QChart>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QPainter>
#include <QScreen>

namespace crucible::charts {

namespace {
double sceneDpi()
{
    const QScreen* screen = QGuiApplication::primaryScreen();
    return screen ? screen->logicalDotsPerInchX() : 96.0;
}
} // namespace

QSizeF chartSceneSize(const QPaintDevice& device, const QSizeF& target)
{
    const double factor = sceneDpi() / device.logicalDpiX();
    return target * factor;
}

void paintChart(QChart& chart, QPainter& painter, const QRectF& target)
{
    const QSizeF size = chartSceneSize(*painter.device(), target.size());
    QGraphicsScene scene;
    scene.addItem(&chart);
    chart.setGeometry(QRectF(QPointF(0, 0), size));
    scene.setSceneRect(QRectF(QPointF(0, 0), size));
    scene.render(&painter, target, scene.sceneRect(), Qt::IgnoreAspectRatio);
    scene.removeItem(&chart);
}

} // namespace crucible::charts
