import { Col, Form, Input, Row, Select, Typography } from 'antd'
import { PRODUCT_IMAGES_MAX } from '@contract/limits'
import { useT } from '../../i18n'
import { useRequest } from '../../shared/useRequest'
import { fetchCategories } from './api'
import { IMAGE_MAX_LABEL } from './imageRules'
import { ImageUploader } from './ImageUploader'

const TITLE_MAX = 200
const DESCRIPTION_MAX = 2000

/** The product's own fields (not its SKUs), inside a Form of ProductFormValues. */
export function ProductFields() {
  const t = useT()
  const categories = useRequest('categories', fetchCategories)
  const required = { required: true, whitespace: true, message: t('catalog.required') }
  return (
    <>
      <Form.Item name='categoryId' label={t('catalog.category')} rules={[required]}>
        <Select
          loading={categories.loading}
          options={categories.data?.items.map((category) => ({ value: category.id, label: category.name }))}
          data-testid='product-category'
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name='titleZh' label={t('catalog.titleZh')} rules={[required]}>
            <Input maxLength={TITLE_MAX} data-testid='product-title-zh' />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name='titleEn' label={t('catalog.titleEn')} rules={[required]}>
            <Input maxLength={TITLE_MAX} data-testid='product-title-en' />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name='descriptionZh' label={t('catalog.descriptionZh')} rules={[required]}>
            <Input.TextArea rows={3} maxLength={DESCRIPTION_MAX} data-testid='product-description-zh' />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name='descriptionEn' label={t('catalog.descriptionEn')} rules={[required]}>
            <Input.TextArea rows={3} maxLength={DESCRIPTION_MAX} data-testid='product-description-en' />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name='images'
        label={t('catalog.images')}
        extra={
          <Typography.Text type='secondary'>
            {t('catalog.imagesHint', { size: IMAGE_MAX_LABEL, max: PRODUCT_IMAGES_MAX })}
          </Typography.Text>
        }
        rules={[{ required: true, type: 'array', min: 1, message: t('catalog.imagesRequired') }]}
      >
        <ImageUploader />
      </Form.Item>
    </>
  )
}
