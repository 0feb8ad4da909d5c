// ECharts imported per chart type and component (tree-shaken): bars and lines on a grid, with
// tooltip and legend, drawn on canvas. A new chart type is one more `use` here.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export { init };

/** The colours of the Party-building look: red, gold, and a muted blue for contrast. */
export const palette = ['#c8161d', '#e6a23c', '#5470c6', '#91cc75'];
