import type { Schema, Struct } from '@strapi/strapi';

export interface ArchiveClippingSource extends Struct.ComponentSchema {
  collectionName: 'components_archive_clipping_sources';
  info: {
    displayName: 'Fuente (recorte)';
    icon: 'feather';
  };
  attributes: {
    date: Schema.Attribute.Date;
    outlet: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 150;
      }>;
    page: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    section: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
  };
}

export interface BroadcastScheduleSlot extends Struct.ComponentSchema {
  collectionName: 'components_broadcast_schedule_slots';
  info: {
    displayName: 'Horario';
    icon: 'clock';
  };
  attributes: {
    day: Schema.Attribute.Enumeration<
      [
        'monday',
        'tuesday',
        'wednesday',
        'thursday',
        'friday',
        'saturday',
        'sunday',
      ]
    > &
      Schema.Attribute.Required;
    end: Schema.Attribute.Time & Schema.Attribute.Required;
    start: Schema.Attribute.Time & Schema.Attribute.Required;
  };
}

export interface BroadcastSpot extends Struct.ComponentSchema {
  collectionName: 'components_broadcast_spots';
  info: {
    displayName: 'Spot';
    icon: 'volumeUp';
  };
  attributes: {
    durationSeconds: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 3600;
          min: 1;
        },
        number
      >;
    file: Schema.Attribute.Media<'audios' | 'videos'>;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 150;
      }>;
  };
}

export interface CeremonyInvitee extends Struct.ComponentSchema {
  collectionName: 'components_ceremony_invitees';
  info: {
    displayName: 'Invitado';
    icon: 'user';
  };
  attributes: {
    contact: Schema.Attribute.Relation<
      'oneToOne',
      'api::protocol-contact.protocol-contact'
    >;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 250;
      }>;
    rsvp: Schema.Attribute.Enumeration<
      ['invited', 'confirmed', 'declined', 'attended']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'invited'>;
  };
}

export interface CeremonyProgrammeItem extends Struct.ComponentSchema {
  collectionName: 'components_ceremony_programme_items';
  info: {
    displayName: 'Punto del programa';
    icon: 'bulletList';
  };
  attributes: {
    activity: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 250;
      }>;
    responsible: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    time: Schema.Attribute.Time;
  };
}

export interface NormsGazettePublication extends Struct.ComponentSchema {
  collectionName: 'components_norms_gazette_publications';
  info: {
    displayName: 'Publicaci\u00F3n oficial';
    icon: 'book';
  };
  attributes: {
    certificateReference: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    channel: Schema.Attribute.Enumeration<
      ['el-peruano', 'diario-judicial', 'carteles', 'portal', 'other']
    > &
      Schema.Attribute.Required;
    editionDate: Schema.Attribute.Date & Schema.Attribute.Required;
    gazetteId: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    outlet: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 150;
      }>;
    page: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
  };
}

export interface NormsPrepublication extends Struct.ComponentSchema {
  collectionName: 'components_norms_prepublications';
  info: {
    displayName: 'Prepublicaci\u00F3n';
    icon: 'bulletList';
  };
  attributes: {
    commentPeriodDays: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 365;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<30>;
    exempted: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    exemptionReason: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    publishedOn: Schema.Attribute.Date;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
  };
}

export interface ProtocolAssistant extends Struct.ComponentSchema {
  collectionName: 'components_protocol_assistants';
  info: {
    displayName: 'Asistente';
    icon: 'user';
  };
  attributes: {
    email: Schema.Attribute.Email &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 150;
      }>;
    phone: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
  };
}

export interface ProtocolConsentRecord extends Struct.ComponentSchema {
  collectionName: 'components_protocol_consent_records';
  info: {
    displayName: 'Consentimiento (Ley 29733)';
    icon: 'shield';
  };
  attributes: {
    channel: Schema.Attribute.Enumeration<
      ['written', 'email', 'web-form', 'verbal-recorded', 'other']
    > &
      Schema.Attribute.Required;
    consentedOn: Schema.Attribute.Date & Schema.Attribute.Required;
    evidence: Schema.Attribute.Media<'files' | 'images'>;
    purpose: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
  };
}

export interface SharedPressContact extends Struct.ComponentSchema {
  collectionName: 'components_shared_press_contacts';
  info: {
    displayName: 'Contacto para periodistas';
    icon: 'phone';
  };
  attributes: {
    email: Schema.Attribute.Email &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 150;
      }>;
    phone: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    position: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 150;
      }>;
  };
}

export interface SharedSeo extends Struct.ComponentSchema {
  collectionName: 'components_shared_seos';
  info: {
    description: 'Search and social metadata';
    displayName: 'SEO';
    icon: 'search';
  };
  attributes: {
    keywords: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 250;
      }>;
    metaDescription: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 170;
      }>;
    metaTitle: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 70;
      }>;
    shareImage: Schema.Attribute.Media<'images'>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'archive.clipping-source': ArchiveClippingSource;
      'broadcast.schedule-slot': BroadcastScheduleSlot;
      'broadcast.spot': BroadcastSpot;
      'ceremony.invitee': CeremonyInvitee;
      'ceremony.programme-item': CeremonyProgrammeItem;
      'norms.gazette-publication': NormsGazettePublication;
      'norms.prepublication': NormsPrepublication;
      'protocol.assistant': ProtocolAssistant;
      'protocol.consent-record': ProtocolConsentRecord;
      'shared.press-contact': SharedPressContact;
      'shared.seo': SharedSeo;
    }
  }
}
