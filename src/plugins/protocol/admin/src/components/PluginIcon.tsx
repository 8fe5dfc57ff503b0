import { Crown } from '@strapi/icons';

export const PluginIcon = () => <Crown />;
