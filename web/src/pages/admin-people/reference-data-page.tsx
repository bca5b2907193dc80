/**
 * The portal's reference data, one tab each: locations (with their time zone), rooms, course categories and grade
 * categories; list, add, edit, delete (a 409 from the API says what still uses an item).
 */
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { api } from '../../api.ts';
import { resultOf } from '../api-result.ts';
import type { Location, Room } from './api-types.ts';
import { CategoryForm, type CategoryItem } from './category-form.tsx';
import { LocationForm } from './location-form.tsx';
import { type FormProps, ReferenceSection } from './reference-section.tsx';
import { RoomForm } from './room-form.tsx';

const CourseCategoryForm = (props: FormProps<CategoryItem>) => <CategoryForm kind="course" {...props} />;
const GradeCategoryForm = (props: FormProps<CategoryItem>) => <CategoryForm kind="grade" {...props} />;

function addressLine(location: Location): string {
  const { street, city, postalCode, country } = location.address;
  return [street, [postalCode, city].filter(Boolean).join(' '), country].filter(Boolean).join(', ');
}

function Locations() {
  return (
    <ReferenceSection<Location>
      title="Locations"
      noun="location"
      queryKey="/lectern/v1/locations"
      list={async (startIndex) => {
        const answer = resultOf(await api.GET('/lectern/v1/locations', { params: { query: { startIndex } } }));
        return { items: answer.locations, hasMore: answer.hasMoreRecords };
      }}
      columns={[
        { header: 'Name', cell: (location) => location.name },
        { header: 'Time zone', cell: (location) => location.timeZone ?? "The portal's" },
        { header: 'Address', cell: addressLine, visibleFrom: 'md' },
      ]}
      idOf={(location) => location.locationId}
      nameOf={(location) => location.name}
      Form={LocationForm}
      remove={async (location) => {
        resultOf(
          await api.DELETE('/lectern/v1/locations/{locationId}', {
            params: { path: { locationId: location.locationId } },
          }),
        );
      }}
    />
  );
}

function Rooms() {
  return (
    <ReferenceSection<Room>
      title="Rooms"
      noun="room"
      queryKey="/api/v1/rooms"
      list={async (startIndex) => {
        const answer = resultOf(await api.GET('/api/v1/rooms', { params: { query: { startIndex } } }));
        return { items: answer.rooms, hasMore: answer.hasMoreRecords };
      }}
      columns={[
        { header: 'Name', cell: (room) => room.name },
        { header: 'Location', cell: (room) => room.location.name, visibleFrom: 'sm' },
        { header: 'Capacity', cell: (room) => room.capacity },
        { header: 'Facilities', cell: (room) => room.facilities.join(', '), visibleFrom: 'md' },
      ]}
      idOf={(room) => room.roomId}
      nameOf={(room) => room.name}
      Form={RoomForm}
      remove={async (room) => {
        resultOf(await api.DELETE('/lectern/v1/rooms/{roomId}', { params: { path: { roomId: room.roomId } } }));
      }}
    />
  );
}

function CourseCategories() {
  return (
    <ReferenceSection<CategoryItem>
      title="Course categories"
      noun="course category"
      queryKey="/api/v1/categories"
      list={async (startIndex) => {
        const answer = resultOf(await api.GET('/api/v1/categories', { params: { query: { startIndex } } }));
        return {
          items: answer.categories.map((category) => ({ id: category.categoryId, name: category.name })),
          hasMore: answer.hasMoreRecords,
        };
      }}
      columns={[{ header: 'Name', cell: (category) => category.name }]}
      idOf={(category) => category.id}
      nameOf={(category) => category.name}
      Form={CourseCategoryForm}
      remove={async (category) => {
        resultOf(
          await api.DELETE('/lectern/v1/categories/{categoryId}', { params: { path: { categoryId: category.id } } }),
        );
      }}
    />
  );
}

function GradeCategories() {
  return (
    <ReferenceSection<CategoryItem>
      title="Grade categories"
      noun="grade category"
      queryKey="/lectern/v1/grade-categories"
      list={async (startIndex) => {
        const answer = resultOf(await api.GET('/lectern/v1/grade-categories', { params: { query: { startIndex } } }));
        return {
          items: answer.gradeCategories.map((category) => ({ id: category.gradeCategoryId, name: category.name })),
          hasMore: answer.hasMoreRecords,
        };
      }}
      columns={[{ header: 'Name', cell: (category) => category.name }]}
      idOf={(category) => category.id}
      nameOf={(category) => category.name}
      Form={GradeCategoryForm}
      remove={async (category) => {
        resultOf(
          await api.DELETE('/lectern/v1/grade-categories/{gradeCategoryId}', {
            params: { path: { gradeCategoryId: category.id } },
          }),
        );
      }}
    />
  );
}

/** The reference data page. */
export function ReferenceDataPage() {
  return (
    <Stack>
      <Title order={1}>Reference data</Title>
      <Text>The places and labels courses, batches and sessions choose from.</Text>
      <Tabs defaultValue="locations" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="locations">Locations</Tabs.Tab>
          <Tabs.Tab value="rooms">Rooms</Tabs.Tab>
          <Tabs.Tab value="categories">Course categories</Tabs.Tab>
          <Tabs.Tab value="grades">Grade categories</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="locations" pt="md">
          <Locations />
        </Tabs.Panel>
        <Tabs.Panel value="rooms" pt="md">
          <Rooms />
        </Tabs.Panel>
        <Tabs.Panel value="categories" pt="md">
          <CourseCategories />
        </Tabs.Panel>
        <Tabs.Panel value="grades" pt="md">
          <GradeCategories />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
