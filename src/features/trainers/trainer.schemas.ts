/** The trainer API's output schema (provisional: Zoho's pages show no trainer object). */
import { Type } from '@sinclair/typebox';

/** A trainer: the person as Zoho shows people elsewhere, led by trainerId (the erecno) and with their status. */
export const TrainerSchema = Type.Object({
  trainerId: Type.String({ description: 'The erecno; the id the trainer paths take' }),
  erecno: Type.String(),
  displayName: Type.String(),
  employeeId: Type.String(),
  emailId: Type.String(),
  displayPictureURL: Type.String(),
  employeeStatus: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
});

export const TrainerParams = Type.Object({ trainerId: Type.String({ description: "The trainer's erecno" }) });
