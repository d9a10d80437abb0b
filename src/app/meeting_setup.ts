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

  const openProjectText = async (text: string, fileName: string): Promise<boolean> => {
    const s = store.getState();
    const parsed = parseProject(text, fileName);
    if (!parsed.ok) {
      s.pushMessage('error', parsed.reason);
      return false;
    }
    const { project } = parsed;
    if (project.packUrl && project.packUrl !== s.pack.url) {
      if (!(await deps.loadPack(project.packUrl))) return false;
    }
    for (const layer of store.getState().userLayers) store.getState().removeUserLayer(layer.id);
    for (const { spec, data } of project.userLayers) {
      store.getState().addUserLayer(spec, { status: 'ready', data, featureCount: data.features.length, skipped: [], error: null });
    }
    store.getState().setSlides(project.slides);
    store.getState().setAoi(project.aoi ?? null);
    applyView(store, project.view, camera);
    store.getState().pushMessage('info', { key: 'project.opened', params: { file: fileName, layers: project.userLayers.length, slides: project.slides.length } });
    return true;
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
