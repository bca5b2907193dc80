/** The trainers and rooms a session may have, for the pickers. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';

/** Active trainers as picker options (erecno, display name). */
export function useTrainerOptions() {
  return useQuery({
    queryKey: ['admin-trainers'],
    queryFn: async () =>
      resultOf(await api.GET('/api/v1/trainers', { params: { query: { employeeStatus: 'active' } } })).trainers.map(
        (trainer) => ({ value: trainer.erecno, label: trainer.displayName }),
      ),
  });
}

/** Rooms as picker options. */
export function useRoomOptions() {
  return useQuery({
    queryKey: ['admin-rooms'],
    queryFn: async () =>
      resultOf(await api.GET('/api/v1/rooms', {})).rooms.map((room) => ({ value: room.roomId, label: room.name })),
  });
}
