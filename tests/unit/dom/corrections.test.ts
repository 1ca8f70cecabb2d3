import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from '../../../renderer/src/App.svelte';
import { sampleApi, vid } from './fake-api';

afterEach(() => {
  cleanup();
  delete window.api;
});

async function startOn(videoId: string) {
  const fake = sampleApi({ lastVideoId: videoId });
  window.api = fake.api;
  render(App);
  await waitFor(() => expect(screen.getByTestId('lecture-title')).toBeInTheDocument());
  return fake;
}
const courseIds = () => screen.getAllByTestId('course-item').map((b) => b.dataset.courseId);

describe('corrections', () => {
  it('moves a lecture into a new course and follows it there', async () => {
    const fake = await startOn(vid(3));
    await fireEvent.click(screen.getByTestId('move-lecture'));
    const dialog = screen.getByTestId('move-dialog');
    await fireEvent.input(within(dialog).getByTestId('move-new-title'), { target: { value: '  RL extras ' } });
    await fireEvent.click(within(dialog).getByTestId('move-new-radio'));
    await fireEvent.click(within(dialog).getByTestId('move-submit'));
    await waitFor(() => expect(screen.queryByTestId('move-dialog')).toBeNull());
    expect(fake.api.moveLecture).toHaveBeenCalledWith({ videoId: vid(3), newCourseTitle: 'RL extras' });
    expect(courseIds()).toEqual(['rl', 'gan', 'custom-RL extras']);
    expect(screen.getAllByTestId('lecture-row').map((r) => r.dataset.videoId)).toEqual([vid(3)]);
  });

  it('tabbing through the new-course name does not change the choice: Move still goes to the existing course', async () => {
    const fake = await startOn(vid(3));
    await fireEvent.click(screen.getByTestId('move-lecture'));
    const dialog = screen.getByTestId('move-dialog');
    within(dialog).getByTestId('move-new-title').focus();
    await fireEvent.focus(within(dialog).getByTestId('move-new-title'));
    await fireEvent.click(within(dialog).getByTestId('move-submit'));
    await waitFor(() => expect(fake.api.moveLecture).toHaveBeenCalledWith({ videoId: vid(3), courseId: 'gan' }));
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('moves a lecture into an existing course', async () => {
    const fake = await startOn(vid(3));
    await fireEvent.click(screen.getByTestId('move-lecture'));
    const select = within(screen.getByTestId('move-dialog')).getByTestId<HTMLSelectElement>('move-course-select');
    expect([...select.options].map((o) => o.value)).toEqual(['gan']);
    await fireEvent.click(within(screen.getByTestId('move-dialog')).getByTestId('move-submit'));
    await waitFor(() => expect(fake.api.moveLecture).toHaveBeenCalledWith({ videoId: vid(3), courseId: 'gan' }));
    await waitFor(() => expect(screen.getAllByTestId('lecture-row').map((r) => r.dataset.videoId)).toEqual([vid(4), vid(3)]));
  });

  it('refuses an empty new course name without calling the service', async () => {
    const fake = await startOn(vid(3));
    await fireEvent.click(screen.getByTestId('move-lecture'));
    const dialog = screen.getByTestId('move-dialog');
    await fireEvent.click(within(dialog).getByTestId('move-new-radio'));
    await fireEvent.click(within(dialog).getByTestId('move-submit'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Type a name');
    expect(fake.api.moveLecture).not.toHaveBeenCalled();
  });

  it('renames the selected course', async () => {
    const fake = await startOn(vid(2));
    await fireEvent.click(screen.getByTestId('rename-course'));
    const input = screen.getByTestId<HTMLInputElement>('rename-input');
    expect(input.value).toBe('Reinforcement Learning');
    await fireEvent.input(input, { target: { value: 'RL 2021' } });
    await fireEvent.click(screen.getByTestId('rename-submit'));
    await waitFor(() => expect(screen.getAllByTestId('course-item')[0]).toHaveTextContent('RL 2021'));
    expect(fake.api.renameCourse).toHaveBeenCalledWith({ courseId: 'rl', title: 'RL 2021' });
  });

  it('resets corrections only after confirmation', async () => {
    const fake = await startOn(vid(2));
    await fireEvent.click(screen.getByTestId('reset-corrections'));
    await fireEvent.click(within(screen.getByTestId('confirm-dialog')).getByRole('button', { name: 'Cancel' }));
    expect(fake.api.resetCorrections).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('reset-corrections'));
    await fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(fake.api.resetCorrections).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
  });

  it('shows the service error when a rename fails and keeps the dialog open', async () => {
    const fake = await startOn(vid(2));
    fake.api.renameCourse.mockRejectedValueOnce(new Error('store is read-only'));
    await fireEvent.click(screen.getByTestId('rename-course'));
    await fireEvent.click(screen.getByTestId('rename-submit'));
    await waitFor(() => expect(screen.getByTestId('toast')).toHaveTextContent('store is read-only'));
    expect(screen.getByTestId('rename-dialog')).toBeInTheDocument();
  });
});
