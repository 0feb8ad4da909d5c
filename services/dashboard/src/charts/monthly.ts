import type { Month } from '../dates';
import type { ChartOption } from './echarts';

export interface MonthlyVolunteering {
  from: string;
  hours: number;
  participations: number;
}

/** Hours as bars and participations (人次) as a line, month by month. */
export function monthlyVolunteeringChart(months: Month[], values: (MonthlyVolunteering | null)[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['服务时长（小时）', '参与人次'], top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months.map((m) => `${Number(m.key.slice(5))}月`) },
    yAxis: [
      { type: 'value', name: '小时' },
      { type: 'value', name: '人次', splitLine: { show: false } },
    ],
    series: [
      { name: '服务时长（小时）', type: 'bar', data: values.map((v) => v?.hours ?? null), barMaxWidth: 28 },
      { name: '参与人次', type: 'line', yAxisIndex: 1, data: values.map((v) => v?.participations ?? null), smooth: true },
    ],
  };
}
