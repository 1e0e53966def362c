// The report types and the rule of who may produce which now live in shared/ (the hub checks them before it
// certifies a report); re-exported here so the desk's report code keeps its imports.
export * from '../../../shared/reports/reportTypes';
