import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import Summary from '../../../renderer/src/lib/components/Summary.svelte';
import StatusBanner from '../../../renderer/src/lib/components/StatusBanner.svelte';
import Thumbnail from '../../../renderer/src/lib/components/Thumbnail.svelte';

const ID = 'CB0a3aBwND8';
afterEach(cleanup);

describe('Summary', () => {
  it('renders Markdown structure: headings, lists, bold, tables', () => {
    render(Summary, {
      summary: '# Title\n\n## Part\n\n- **bold** item\n\n| a | b |\n|---|---|\n| 1 | 2 |',
      videoId: ID,
      onOpenVideo: () => {},
    });
    const box = screen.getByTestId('summary');
    expect(box.querySelector('h1')).toHaveTextContent('Title');
    expect(box.querySelector('h2')).toHaveTextContent('Part');
    expect(box.querySelector('li strong')).toHaveTextContent('bold');
    expect(box.querySelectorAll('table td')).toHaveLength(2);
  });

  it('never renders raw HTML from the summary as markup', () => {
    render(Summary, { summary: 'hi <img src=x onerror=alert(1)> <script>alert(1)</script>', videoId: ID, onOpenVideo: () => {} });
    const box = screen.getByTestId('summary');
    expect(box.querySelector('img, script')).toBeNull();
    expect(box).toHaveTextContent('<script>');
  });

  it('a timestamp opens the video at that time; other links do not navigate', async () => {
    const onOpenVideo = vi.fn();
    render(Summary, { summary: 'At 12:34 see [docs](https://example.com/x).', videoId: ID, onOpenVideo });
    const stamp = screen.getByTestId('summary').querySelector<HTMLAnchorElement>('a.timestamp')!;
    expect(stamp).not.toBeNull();
    const stampClick = new MouseEvent('click', { bubbles: true, cancelable: true });
    stamp.dispatchEvent(stampClick);
    expect(stampClick.defaultPrevented).toBe(true);
    expect(onOpenVideo).toHaveBeenCalledWith(ID, 754);

    const other = [...screen.getByTestId('summary').querySelectorAll('a')].find((a) => !a.classList.contains('timestamp'))!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    other.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(onOpenVideo).toHaveBeenCalledTimes(1);
  });

  it('says so plainly when there is no summary', () => {
    render(Summary, { summary: '', videoId: ID, onOpenVideo: () => {} });
    expect(screen.getByTestId('no-summary')).toHaveTextContent('No summary for this lecture yet.');
    expect(screen.queryByTestId('summary')).toBeNull();
  });
});

describe('StatusBanner', () => {
  it('shows nothing when every entry was read', () => {
    const { container } = render(StatusBanner, { warnings: [] });
    expect(container.querySelector('.banner')).toBeNull();
  });

  it('counts catalog warnings and lists them when expanded', async () => {
    render(StatusBanner, {
      warnings: [
        { file: 'catalog.md', line: 12, message: 'no video link' },
        { file: 'catalog.md', line: 40, message: 'duplicate id' },
      ],
    });
    const details = screen.getByTestId('warnings-banner');
    expect(details).toHaveTextContent('2 catalog entries could not be read');
    await fireEvent.click(details.querySelector('summary')!);
    expect(details).toHaveTextContent('catalog.md:40 duplicate id');
  });

  it('says "entry" for one warning', () => {
    render(StatusBanner, { warnings: [{ file: 'catalog.md', line: 3, message: 'no video link' }] });
    expect(screen.getByTestId('warnings-banner')).toHaveTextContent('1 catalog entry could not be read');
  });
});

describe('Thumbnail', () => {
  it('falls back to a drawn placeholder when the image fails (offline)', async () => {
    render(Thumbnail, { src: 'https://img.youtube.com/vi/CB0a3aBwND8/mqdefault.jpg', alt: 'Lecture' });
    const img = screen.getByTestId('thumbnail');
    await fireEvent.error(img);
    expect(screen.getByTestId('thumbnail-placeholder')).toBeInTheDocument();
    expect(screen.queryByTestId('thumbnail')).toBeNull();
  });
});
