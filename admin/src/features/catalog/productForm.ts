import type { ConsoleProduct, CreateProductInput, UpdateProductInput, UploadedImage } from '@contract'

/** The fields staff edit on a product, as the form holds them. */
export interface ProductFormValues {
  categoryId: string
  titleZh: string
  titleEn: string
  descriptionZh: string
  descriptionEn: string
  images: UploadedImage[]
}

export function toFormValues(product: ConsoleProduct): ProductFormValues {
  return {
    categoryId: product.categoryId,
    titleZh: product.title['zh-CN'],
    titleEn: product.title.en,
    descriptionZh: product.description['zh-CN'],
    descriptionEn: product.description.en,
    images: product.images.map((file, index) => ({ file, url: product.imageUrls[index] ?? '' })),
  }
}

export function toProductFields(values: ProductFormValues): Required<Omit<UpdateProductInput, 'active'>> {
  return {
    categoryId: values.categoryId,
    title: { 'zh-CN': values.titleZh.trim(), en: values.titleEn.trim() },
    description: { 'zh-CN': values.descriptionZh.trim(), en: values.descriptionEn.trim() },
    images: values.images.map((image) => image.file),
  }
}

export function toCreateInput(values: ProductFormValues, price: number, stock: number): CreateProductInput {
  return { ...toProductFields(values), price, stock }
}
