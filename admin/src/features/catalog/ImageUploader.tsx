import { PlusOutlined } from '@ant-design/icons'
import type { UploadedImage } from '@contract'
import { App, Upload, type UploadFile } from 'antd'
import { useRef, useState } from 'react'
import { PRODUCT_IMAGE_TYPES, PRODUCT_IMAGES_MAX } from '@contract/limits'
import { useT } from '../../i18n'
import { errorText } from '../../shared/errors'
import { uploadImage } from './api'
import { IMAGE_MAX_LABEL, imageProblem } from './imageRules'

interface ImageUploaderProps {
  value?: UploadedImage[]
  onChange?: (images: UploadedImage[]) => void
}

/**
 * The product's images as a Form control: each upload shows its progress, and joins the value
 * once the server answered its file name. Type and size are checked before anything is sent.
 */
export function ImageUploader({ value = [], onChange }: ImageUploaderProps) {
  const t = useT()
  const { message } = App.useApp()
  const [uploading, setUploading] = useState<UploadFile[]>([])
  // Uploads finish later, one after the other: each adds to the value as it is then.
  const latestValue = useRef(value)
  latestValue.current = value

  const fileList: UploadFile[] = [
    ...value.map((image) => ({ uid: image.file, name: image.file, status: 'done' as const, url: image.url })),
    ...uploading,
  ]

  const track = (uid: string, patch: Partial<UploadFile> | undefined) =>
    setUploading((files) =>
      patch
        ? files.map((file) => (file.uid === uid ? { ...file, ...patch } : file))
        : files.filter((file) => file.uid !== uid),
    )

  const beforeUpload = (file: File) => {
    const problem = imageProblem(file)
    if (problem === 'type') message.error(t('catalog.imageType'))
    if (problem === 'size') message.error(t('catalog.imageSize', { size: IMAGE_MAX_LABEL }))
    return problem ? Upload.LIST_IGNORE : true
  }

  const send = async (file: File) => {
    const uid = `${Date.now()}-${file.name}`
    setUploading((files) => [...files, { uid, name: file.name, status: 'uploading', percent: 0 }])
    try {
      const uploaded = await uploadImage(file, (percent) => track(uid, { percent }))
      track(uid, undefined)
      onChange?.([...latestValue.current, uploaded])
    } catch (error) {
      track(uid, undefined)
      message.error(errorText(t, error))
    }
  }

  return (
    <Upload
      listType='picture-card'
      accept={PRODUCT_IMAGE_TYPES.join(',')}
      fileList={fileList}
      beforeUpload={beforeUpload}
      customRequest={({ file }) => void send(file as File)}
      onRemove={(removed) => onChange?.(value.filter((image) => image.file !== removed.uid))}
      showUploadList={{ showPreviewIcon: false }}
      data-testid='product-images'
    >
      {fileList.length < PRODUCT_IMAGES_MAX && (
        <button type='button' style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t('catalog.images')}</div>
        </button>
      )}
    </Upload>
  )
}
