import type { AppStore } from '../state/store';
import type { MapView } from '../map/map_view';
import { newSlideId, type Slide } from '../state/slides';
import { t } from '../i18n/i18n';
import { applyView, currentView, type CameraAccess } from '../state/view_sync';
import { buildProject, parseProject, projectFileName } from '../state/project_file';
import { createPresentation, type Presentation } from '../ui/presentation';
import { mountMeetingPanel } from '../ui/meeting_panel';
import { downloadBytes } from '../ui/download';

// Start-up wiring for meetings: the Present tab, presentation mode and project files.

export interface MeetingDeps {
  store: AppStore;
  mapView: MapView;
  camera: CameraAccess;
  panel: HTMLElement;
  mapWrap: HTMLElement;
  loadPack(url: string): Promise<boolean>;
  appVersion: string;
}

export interface Meeting {
  presentation: Presentation;
  captureSlide(title?: string): Slide;
  saveProject(): { filename: string; text: string };
  openProjectText(text: string, fileName: string): Promise<boolean>;
}

export function setupMeeting(deps: MeetingDeps): Meeting {
  const { store, mapView, camera } = deps;
  const flyCamera: CameraAccess = { ...camera, set: (c) => mapView.flyTo(c) };
  const showSlide = (slide: Slide, animate: boolean) => applyView(store, slide.view, animate ? flyCamera : camera);

  const presentation = createPresentation({
    store,
    container: deps.mapWrap,
    showSlide,
    showPackExtent: (animate) => mapView.fitToPack(animate),
    // synchronous: a fly-to started before the map knows its new size would land off target
    onLayout: () => mapView.map.resize(),
  });

  const saveProject = () => {
    const project = buildProject(store.getState(), currentView(store, camera), deps.appVersion);
    return { filename: projectFileName(), text: JSON.stringify(project) };
  };

  // Parse and check the whole file first; load its pack (through the origin rule) only once
  // it is known good; then apply it in one store change. Any refusal leaves the session as it was.
  const openProjectText = async (text: string, fileName: string): Promise<boolean> => {
    const { pushMessage } = store.getState();
    try {
      const parsed = parseProject(text, fileName);
      if (!parsed.ok) {
        pushMessage('error', parsed.reason, parsed.nested);
        return false;
      }
      const { project } = parsed;
      if (project.packUrl && project.packUrl !== store.getState().pack.url && !(await deps.loadPack(project.packUrl))) {
        pushMessage('error', { key: 'project.error.packFailed', params: { file: fileName, url: project.packUrl } });
        return false;
      }
      store.getState().applyProject(project);
      if (project.view.camera) camera.set(project.view.camera);
      pushMessage('info', { key: 'project.opened', params: { file: fileName, layers: project.userLayers.length, slides: project.slides.length } });
      return true;
    } catch (e) {
      // a bug, not a bad file: still say so, and leave the panel usable for the next import
      pushMessage('error', { key: 'project.error.unexpected', params: { file: fileName, detail: String((e as Error)?.message ?? e).slice(0, 200) } });
      return false;
    }
  };

  const captureSlide = (title?: string): Slide => {
    const n = store.getState().slides.length + 1;
    const slide: Slide = {
      id: newSlideId(),
      title: { vi: title ?? t('vi', 'slides.defaultTitle', { n }), en: title ?? t('en', 'slides.defaultTitle', { n }) },
      notes: { vi: '', en: '' },
      view: currentView(store, camera),
    };
    store.getState().addSlide(slide);
    return slide;
  };

  mountMeetingPanel(deps.panel, {
    store,
    captureSlide: () => void captureSlide(),
    showSlide: (slide) => showSlide(slide, true),
    present: (i) => presentation.start(i),
    saveProject: () => {
      const { filename, text } = saveProject();
      downloadBytes(new TextEncoder().encode(text), filename, 'application/json');
      store.getState().pushMessage('info', { key: 'project.saved', params: { file: filename } });
    },
    openProject: (file) => void file.text().then((text) => openProjectText(text, file.name)),
    setHighContrast: (on) => document.body.classList.toggle('high-contrast', on),
    setLargeLabels: (on) => mapView.setLabelScale(on ? 1.5 : 1),
  });

  return { presentation, captureSlide, saveProject, openProjectText };
}
