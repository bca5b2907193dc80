/** The trainer API's request and response schemas (provisional: Zoho's pages show no trainer object). */
import { Type } from '@sinclair/typebox';
import { idListParameter, startIndexParameter, textParameter } from '../../http/parameters.ts';

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

/** The path of one trainer: the erecno. */
export const TrainerParams = Type.Object({ trainerId: Type.String({ description: "The trainer's erecno" }) });

/** The querystring of listTrainers. */
export const listTrainersQuery = Type.Object({
  startIndex: startIndexParameter,
  employeeStatus: textParameter(Type.Union([Type.Literal('active'), Type.Literal('inactive')]), {
    description: 'active (default) or inactive, any case',
  }),
  sortBy: textParameter(Type.Union([Type.Literal('asc'), Type.Literal('desc')]), {
    description: 'asc (default) or desc, by name, any case',
  }),
});

/** The 200 answer of listTrainers. */
export const listTrainersResponse200 = Type.Object({
  trainers: Type.Array(TrainerSchema),
  code: Type.Literal('200'),
  message: Type.Literal('success'),
  hasMoreRecords: Type.Boolean(),
});

/** The 200 answer of getTrainer. */
export const getTrainerResponse200 = Type.Object({
  code: Type.Literal('200'),
  trainer: TrainerSchema,
  message: Type.Literal('success'),
});

/** The querystring of addTrainers and addTrainersByPost. */
export const addTrainersQuery = Type.Object({ erecnosList: idListParameter('The employees to make trainers') });

/** The body of addTrainers and addTrainersByPost: erecnosList may come here instead, read by the handler. */
export const addTrainersBody = Type.Optional(Type.Unknown());

/** The 200 answer of addTrainers and addTrainersByPost. */
export const addTrainersResponse200 = Type.Object({
  trainers: Type.Array(TrainerSchema),
  code: Type.Literal('200'),
  message: Type.Literal('success'),
});
