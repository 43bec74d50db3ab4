import { t } from '../i18n/i18n';

/** The secretariat's video stream: a media file plays in a <video>, anything else (a player page) in a frame. */
export function VideoEmbed({ url }: { readonly url: string | null }) {
  if (!url) {
    return null;
  }

  const media = /\.(mp4|webm|ogg|m3u8)(\?|#|$)/i.test(url);
  return (
    <section class="panel video" aria-labelledby="video-heading">
      <h2 id="video-heading" class="panel__title">
        {t('video.title')}
      </h2>
      <div class="video__frame">
        {media ? (
          <video src={url} controls preload="none" aria-label={t('video.title')} />
        ) : (
          <iframe src={url} title={t('video.title')} allow="autoplay; fullscreen; picture-in-picture" allowFullScreen referrerpolicy="no-referrer" sandbox="allow-scripts allow-same-origin allow-presentation" loading="lazy" />
        )}
      </div>
      <p class="video__link">
        <a href={url} target="_blank" rel="noopener noreferrer">
          {t('video.open')}
        </a>
      </p>
    </section>
  );
}
