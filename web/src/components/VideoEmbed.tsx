import { t } from '../i18n/i18n';

/**
 * The secretariat's video stream. The server accepts only https: a media file (.mp4, .webm, .m3u8) plays in
 * a <video>; a player page from one of the allowed hosts (Video:AllowedHosts, also the only frame-src of the
 * Content-Security-Policy) plays in a sandboxed frame that may run its own scripts in its own origin but
 * may not open windows, submit forms or navigate this page. Anything else (an address recorded before the
 * hosts were checked) is only linked.
 */
export function VideoEmbed({ url, live = true }: { readonly url: string | null; readonly live?: boolean }) {
  if (!url) {
    return null;
  }

  const secure = url.startsWith('https://');
  const media = /\.(mp4|webm|m3u8)(\?|#|$)/i.test(url);
  const title = live ? t('video.title') : t('video.recording');
  return (
    <section class="panel video" aria-labelledby="video-heading">
      <h2 id="video-heading" class="panel__title">
        {title}
      </h2>
      {secure && (
        <div class="video__frame">
          {media ? (
            <video src={url} controls preload="none" aria-label={title} />
          ) : (
            <iframe
              src={url}
              title={title}
              allow="autoplay; fullscreen; picture-in-picture; encrypted-media"
              allowFullScreen
              referrerpolicy="strict-origin"
              sandbox="allow-scripts allow-same-origin allow-presentation"
              loading="lazy"
            />
          )}
        </div>
      )}
      <p class="video__link">
        <a href={url} target="_blank" rel="noopener noreferrer">
          {t('video.open')}
        </a>
      </p>
    </section>
  );
}
