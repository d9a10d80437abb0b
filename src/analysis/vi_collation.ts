// The app's order for text: Vietnamese, numbers inside text by value ("Lô 2" < "Lô 10").

export const VI_COLLATOR_OPTIONS: Intl.CollatorOptions = { numeric: true };

export const VI_COLLATOR = new Intl.Collator('vi', { ...VI_COLLATOR_OPTIONS, sensitivity: 'variant' });
