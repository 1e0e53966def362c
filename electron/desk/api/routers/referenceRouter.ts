// `reference.*`: the shipped reference data the renderer shows (SPEC §2, §6); works signed out too.
import { z } from 'zod';
import { LegislativeArea } from '../../../../shared/reference/codes';
import { questionSetById, questionSetsForArea, subjectSectionFor } from '../../../../shared/reference/referenceData';
import { publicProcedure, router, unwrap } from '../trpc';

export const referenceRouter = router({
  countries: publicProcedure.query(({ ctx }) => ctx.desk.reference.countries),
  languages: publicProcedure.query(({ ctx }) => ctx.desk.reference.languages),
  legislativeAreas: publicProcedure.query(({ ctx }) => ctx.desk.reference.legislativeAreas),
  messageTypes: publicProcedure.query(({ ctx }) => ctx.desk.reference.messageTypes),
  economicActivities: publicProcedure.query(({ ctx }) => ctx.desk.reference.economicActivities),
  policyAreas: publicProcedure.query(({ ctx }) => ctx.desk.reference.policyAreas),

  /** Question sets without their questions, for choosing one; all areas unless one is named. */
  questionSets: publicProcedure
    .input(z.object({ area: LegislativeArea.optional() }).default({}))
    .query(({ ctx, input }) => {
      const sets = input.area ? questionSetsForArea(input.area, ctx.desk.reference) : ctx.desk.reference.questionSets;
      return sets.map(({ id, area, title, maxDueDays }) => ({ id, area, title, maxDueDays }));
    }),

  questionSet: publicProcedure
    .input(z.object({ id: z.string().min(1).max(100) }))
    .query(({ ctx, input }) => {
      const set = questionSetById(input.id, ctx.desk.reference);
      return unwrap(set ? { ok: true, value: set } : { ok: false, reason: 'QUESTION_SET_NOT_FOUND' });
    }),

  subjectSection: publicProcedure
    .input(z.object({ area: LegislativeArea }))
    .query(({ ctx, input }) => subjectSectionFor(input.area, ctx.desk.reference)),
});
